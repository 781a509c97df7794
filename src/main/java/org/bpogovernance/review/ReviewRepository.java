package org.bpogovernance.review;

import java.util.List;
import java.util.Optional;
import org.bpogovernance.engagement.TierLevel;
import org.springframework.data.repository.Repository;

interface ReviewRepository extends Repository<Review, Long> {

    Review save(Review review);

    Optional<Review> findById(Long id);

    Optional<Review> findByIdAndEngagementId(Long id, Long engagementId);

    List<Review> findByEngagementIdOrderByIdAsc(Long engagementId);

    Optional<Review> findFirstByEngagementIdAndVisitInstructionsIsNotNullOrderByIdDesc(Long engagementId);

    Optional<Review> findFirstByEngagementIdAndTierOrderBySequenceDesc(Long engagementId, TierLevel tier);
}
