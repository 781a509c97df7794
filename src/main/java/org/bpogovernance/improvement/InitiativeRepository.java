package org.bpogovernance.improvement;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface InitiativeRepository extends JpaRepository<Initiative, Long> {

    List<Initiative> findByEngagementIdOrderByIdAsc(Long engagementId);

    List<Initiative> findByEngagementIdAndStatusInOrderByIdAsc(Long engagementId, Collection<Initiative.Status> statuses);

    List<Initiative> findByEngagementIdInAndStatus(Collection<Long> engagementIds, Initiative.Status status);

    Optional<Initiative> findByIdAndEngagementId(Long id, Long engagementId);
}
