package org.bpogovernance.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Move up a level": the level passed it on, or let its response time pass. */
@Component
class MoveEscalationUpDelegate implements JavaDelegate {

    private final EscalationService escalationService;

    MoveEscalationUpDelegate(EscalationService escalationService) {
        this.escalationService = escalationService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean passedOn = "ESCALATE".equals(EscalationProcess.OUTCOME.from(execution));
        escalationService.moveUp(EscalationProcess.ESCALATION_ID.required(execution), !passedOn);
    }
}
