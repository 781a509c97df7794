package org.bpogovernance.escalation;

import static org.bpogovernance.engagement.EngagementVariables.ENGAGEMENT_ID;

import org.bpogovernance.platform.ProcessInstanceListener;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Who raises an escalation, and for which engagement, checked as any version of the
 * {@code escalation} process starts (a grant to start it covers every version, and an older one
 * or a copy deployed from Modeler must not skip the check). A refusal is a 403 and nothing starts.
 */
@Component
class EscalationStartCheck implements ProcessInstanceListener {

    private final EscalationService escalationService;

    EscalationStartCheck(EscalationService escalationService) {
        this.escalationService = escalationService;
    }

    @Override
    public void started(DelegateExecution processInstance) {
        if (!processInstance.getProcessDefinitionId().startsWith(EscalationProcess.KEY + ":")) {
            return;
        }
        escalationService.whyStartRefused(processInstance.getVariable(EscalationProcess.ESCALATION_ID.name()),
                processInstance.getVariable(ENGAGEMENT_ID.name()), processInstance.getVariableNames())
                .ifPresent(refusal -> {
                    throw new AuthorizationException(refusal);
                });
    }

    @Override
    public void ended(DelegateExecution processInstance) {
        // nothing to check when a ladder ends
    }
}
