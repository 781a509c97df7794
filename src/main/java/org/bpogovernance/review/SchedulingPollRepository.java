package org.bpogovernance.review;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface SchedulingPollRepository extends JpaRepository<SchedulingPoll, Long> {

    List<SchedulingPoll> findByReviewIdOrderByRoundAsc(Long reviewId);

    Optional<SchedulingPoll> findFirstByReviewIdOrderByRoundDesc(Long reviewId);
}
