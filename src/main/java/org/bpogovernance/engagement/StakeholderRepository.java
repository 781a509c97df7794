package org.bpogovernance.engagement;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

interface StakeholderRepository extends Repository<Stakeholder, Long> {

    Stakeholder save(Stakeholder stakeholder);

    void delete(Stakeholder stakeholder);

    List<Stakeholder> findByEngagementIdOrderByIdAsc(Long engagementId);

    Optional<Stakeholder> findByIdAndEngagementId(Long id, Long engagementId);

    boolean existsByEngagementIdAndUserId(Long engagementId, String userId);
}
