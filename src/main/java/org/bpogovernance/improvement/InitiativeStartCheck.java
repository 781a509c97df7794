package org.bpogovernance.improvement;

import static org.bpogovernance.engagement.EngagementVariables.ENGAGEMENT_ID;

import org.bpogovernance.platform.ProcessInstanceListener;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Who proposes an initiative, and with what, checked as any version of the
 * {@code improvement-initiative} process starts; a refusal is a 403 and nothing starts.
 */
@Component
class InitiativeStartCheck implements ProcessInstanceListener {

    private final InitiativeService initiatives;

    InitiativeStartCheck(InitiativeService initiatives) {
        this.initiatives = initiatives;
    }

    @Override
    public void started(DelegateExecution processInstance) {
        if (!processInstance.getProcessDefinitionId().startsWith(InitiativeProcess.KEY + ":")) {
            return;
        }
        initiatives.whyStartRefused(processInstance.getVariable(InitiativeProcess.INITIATIVE_ID.name()),
                processInstance.getVariable(ENGAGEMENT_ID.name()), processInstance.getVariableNames())
                .ifPresent(refusal -> {
                    throw new AuthorizationException(refusal);
                });
    }

    @Override
    public void ended(DelegateExecution processInstance) {
        // nothing to check when an initiative's process ends
    }
}
