package org.bpogovernance.renewal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

interface RenewalReviewRepository extends Repository<RenewalReview, Long> {

    RenewalReview save(RenewalReview review);

    Optional<RenewalReview> findById(Long id);

    Optional<RenewalReview> findByIdAndEngagementId(Long id, Long engagementId);

    Optional<RenewalReview> findByEngagementIdAndTermNumber(Long engagementId, int termNumber);

    List<RenewalReview> findByEngagementIdOrderByTermNumberAsc(Long engagementId);
}
