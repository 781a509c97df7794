package org.bpogovernance.escalation;

import static org.bpogovernance.engagement.EngagementVariables.ENGAGEMENT_ID;
import static org.bpogovernance.engagement.EngagementVariables.ENGAGEMENT_NAME;
import static org.bpogovernance.engagement.EngagementVariables.GOVERNANCE_OFFICER;

import org.bpogovernance.engagement.EngagementService;
import org.bpogovernance.engagement.StakeholderRole;
import org.bpogovernance.platform.FormValues;
import org.bpogovernance.platform.UserInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Register the escalation": someone raised it from Tasklist's start form. */
@Component
class RegisterEscalationDelegate implements JavaDelegate {

    private final EscalationService escalationService;
    private final EngagementService engagements;

    RegisterEscalationDelegate(EscalationService escalationService, EngagementService engagements) {
        this.escalationService = escalationService;
        this.engagements = engagements;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Escalation escalation = UserInput.check(() -> escalationService.registerFromStartForm(execution.getProcessInstanceId(),
                FormValues.text(execution.getVariable(EscalationProcess.CONTRACT_REFERENCE)),
                EscalationProcess.SUBJECT.from(execution), EscalationProcess.SEVERITY.from(execution)));
        execution.removeVariable(EscalationProcess.CONTRACT_REFERENCE);
        EscalationProcess.ESCALATION_ID.set(execution, escalation.getId());
        EscalationProcess.TRIGGER.set(execution, escalation.getTrigger().name());
        EscalationProcess.SUBJECT.set(execution, escalation.getSubject());
        ENGAGEMENT_ID.set(execution, escalation.getEngagementId());
        ENGAGEMENT_NAME.set(execution, engagements.forProcess(escalation.getEngagementId()).getName());
        GOVERNANCE_OFFICER.set(execution, engagements.holderOrNull(escalation.getEngagementId(), StakeholderRole.GOVERNANCE_OFFICER));
        execution.setProcessBusinessKey(escalation.getCause());
    }
}
