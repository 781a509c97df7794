package org.bpogovernance.escalation;

import java.util.List;
import org.springframework.data.repository.Repository;

interface EscalationStepRepository extends Repository<EscalationStep, Long> {

    EscalationStep save(EscalationStep step);

    List<EscalationStep> findByEscalationIdOrderByIdAsc(Long escalationId);
}
