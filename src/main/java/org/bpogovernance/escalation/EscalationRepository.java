package org.bpogovernance.escalation;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

interface EscalationRepository extends Repository<Escalation, Long> {

    Escalation save(Escalation escalation);

    Escalation saveAndFlush(Escalation escalation);

    Optional<Escalation> findById(Long id);

    Optional<Escalation> findByCause(String cause);

    Optional<Escalation> findByIdAndEngagementId(Long id, Long engagementId);

    boolean existsByCause(String cause);

    List<Escalation> findByEngagementIdOrderByIdAsc(Long engagementId);

    List<Escalation> findByEngagementIdAndStatusOrderByIdAsc(Long engagementId, Escalation.Status status);
}
