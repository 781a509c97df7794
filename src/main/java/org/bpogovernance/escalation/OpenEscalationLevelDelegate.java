package org.bpogovernance.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Put it before the level": whose task it is now, and by when they must respond. */
@Component
class OpenEscalationLevelDelegate implements JavaDelegate {

    private final EscalationService escalationService;

    OpenEscalationLevelDelegate(EscalationService escalationService) {
        this.escalationService = escalationService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        EscalationService.LevelAssignment level = escalationService.openLevel(EscalationProcess.ESCALATION_ID.required(execution));
        EscalationProcess.LEVEL.set(execution, level.level());
        EscalationProcess.RESPONDERS.set(execution, String.join(",", level.responders()));
        EscalationProcess.GROUPS.set(execution, String.join(",", level.groups()));
        EscalationProcess.RESPONSE_DUE.set(execution, level.responseDue().toString());
        EscalationProcess.OUTCOME.set(execution, null);
    }
}
