package org.bpogovernance.review;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface SchedulingPollRepository extends JpaRepository<SchedulingPoll, Long> {

    List<SchedulingPoll> findByReviewIdOrderByRoundAsc(Long reviewId);

    Optional<SchedulingPoll> findFirstByReviewIdOrderByRoundDesc(Long reviewId);

    /** The poll, locked until the transaction ends: answers and the close take turns, so none is lost or counted twice. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select poll from SchedulingPoll poll where poll.id = :id")
    Optional<SchedulingPoll> lockById(Long id);
}
