package org.bpogovernance.review;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface PollAnswerRepository extends JpaRepository<PollAnswer, Long> {

    List<PollAnswer> findByPollIdOrderByIdAsc(Long pollId);

    Optional<PollAnswer> findByPollIdAndUserIdAndSlot(Long pollId, String userId, int slot);
}
