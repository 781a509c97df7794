package org.bpogovernance.escalation;

import static org.bpogovernance.engagement.EngagementVariables.ENGAGEMENT_ID;

import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Check who raises it, for which engagement": the first step on every path; a refusal is a 403 and nothing starts. */
@Component
class CheckEscalationStartDelegate implements JavaDelegate {

    private final EscalationService escalationService;

    CheckEscalationStartDelegate(EscalationService escalationService) {
        this.escalationService = escalationService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Optional<String> refusal = escalationService.whyStartRefused(
                execution.getVariable(EscalationProcess.ESCALATION_ID.name()),
                execution.getVariable(ENGAGEMENT_ID.name()), execution.getVariableNames());
        if (refusal.isPresent()) {
            throw new AuthorizationException(refusal.get());
        }
    }
}
