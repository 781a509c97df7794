package org.bpogovernance.renewal;

import static org.bpogovernance.engagement.EngagementVariables.ENGAGEMENT_ID;

import org.bpogovernance.platform.FormValues;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Creating "Address the open exit points" shows what each party said is missing. */
@Component
class ShowExitPointsTaskListener implements TaskListener {

    private final ExitService exitService;

    ShowExitPointsTaskListener(ExitService exitService) {
        this.exitService = exitService;
    }

    @Override
    public void notify(DelegateTask task) {
        Long engagementId = ENGAGEMENT_ID.required(task);
        task.setVariableLocal(RenewalProcess.REJECTIONS, FormValues.shown(exitService.rejections(engagementId)));
        task.setVariableLocal(RenewalProcess.EXIT_PLAN_TEXT, FormValues.shown(exitService.planText(engagementId)));
        task.setVariableLocal(RenewalProcess.EXIT_PLAN, null);
    }
}
