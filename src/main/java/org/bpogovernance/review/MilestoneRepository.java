package org.bpogovernance.review;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

interface MilestoneRepository extends Repository<Milestone, Long> {

    Milestone save(Milestone milestone);

    Optional<Milestone> findByIdAndEngagementId(Long id, Long engagementId);

    List<Milestone> findByEngagementIdOrderByDueDateAscIdAsc(Long engagementId);
}
