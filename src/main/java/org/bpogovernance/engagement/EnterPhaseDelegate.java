package org.bpogovernance.engagement;

import static org.bpogovernance.engagement.EngagementVariables.ENGAGEMENT_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Enter phase": keeps the engagement's phase in step with the lifecycle; the phase is the step's input. */
@Component
class EnterPhaseDelegate implements JavaDelegate {

    private final EngagementService engagementService;

    EnterPhaseDelegate(EngagementService engagementService) {
        this.engagementService = engagementService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        engagementService.enter(ENGAGEMENT_ID.required(execution),
                Phase.valueOf(EngagementLifecycleProcess.PHASE.required(execution)));
    }
}
