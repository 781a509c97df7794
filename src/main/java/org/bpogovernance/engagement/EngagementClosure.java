package org.bpogovernance.engagement;

import static org.bpogovernance.engagement.EngagementVariables.ENGAGEMENT_ID;

import org.bpogovernance.platform.ProcessInstanceListener;
import org.bpogovernance.platform.UserInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A closed engagement stays closed, whatever the model: no process starts for it any more (the
 * refusal names why), and its lifecycle ending by any route — the exit signed off, or the instance
 * cancelled in Cockpit — closes it, which ends everything else still running for it.
 */
@Component
@Order(1)
class EngagementClosure implements ProcessInstanceListener {

    private final EngagementService engagements;

    EngagementClosure(EngagementService engagements) {
        this.engagements = engagements;
    }

    @Override
    public void started(DelegateExecution processInstance) {
        Long engagementId = engagementOf(processInstance);
        if (engagementId != null) {
            UserInput.check(() -> engagements.requireOpen(engagementId));
        }
    }

    @Override
    public void ended(DelegateExecution processInstance) {
        Long engagementId = engagementOf(processInstance);
        if (engagementId != null && processInstance.getProcessDefinitionId().startsWith(EngagementLifecycleProcess.KEY + ":")) {
            engagements.enter(engagementId, Phase.CLOSED);
        }
    }

    private static Long engagementOf(DelegateExecution processInstance) {
        return processInstance.getVariable(ENGAGEMENT_ID.name()) instanceof Number id ? id.longValue() : null;
    }
}
