package org.bpogovernance.improvement;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface InitiativeMilestoneRepository extends JpaRepository<InitiativeMilestone, Long> {

    List<InitiativeMilestone> findByInitiativeIdOrderByDueDateAscIdAsc(Long initiativeId);

    List<InitiativeMilestone> findByInitiativeIdInOrderByDueDateAscIdAsc(Collection<Long> initiativeIds);
}
