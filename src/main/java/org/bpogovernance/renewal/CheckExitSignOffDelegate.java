package org.bpogovernance.renewal;

import static org.bpogovernance.engagement.EngagementVariables.ENGAGEMENT_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Check the sign-offs": did both parties sign the exit off? */
@Component
class CheckExitSignOffDelegate implements JavaDelegate {

    private final ExitService exitService;

    CheckExitSignOffDelegate(ExitService exitService) {
        this.exitService = exitService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RenewalProcess.EXIT_SIGNED.set(execution, exitService.signedOff(ENGAGEMENT_ID.required(execution)));
    }
}
