package org.bpogovernance.renewal;

import static org.bpogovernance.engagement.EngagementVariables.ENGAGEMENT_ID;

import org.bpogovernance.platform.FormValues;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Creating "Sign off the exit" puts the whole plan, item by item with how it was done, on the form. */
@Component
class ShowExitSignOffTaskListener implements TaskListener {

    private final ExitService exitService;

    ShowExitSignOffTaskListener(ExitService exitService) {
        this.exitService = exitService;
    }

    @Override
    public void notify(DelegateTask task) {
        task.setVariableLocal(RenewalProcess.EXIT_PLAN_TEXT, FormValues.shown(exitService.planText(ENGAGEMENT_ID.required(task))));
        task.setVariableLocal(RenewalProcess.SIGN_OFF_DECISION, null);
        task.setVariableLocal(RenewalProcess.SIGN_OFF_REASON, null);
    }
}
