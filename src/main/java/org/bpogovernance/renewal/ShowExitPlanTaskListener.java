package org.bpogovernance.renewal;

import static org.bpogovernance.engagement.EngagementVariables.ENGAGEMENT_ID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Creating "Prepare the exit plan" drafts one item per category with the usual owner and dates. */
@Component
class ShowExitPlanTaskListener implements TaskListener {

    private final ExitService exitService;

    ShowExitPlanTaskListener(ExitService exitService) {
        this.exitService = exitService;
    }

    @Override
    public void notify(DelegateTask task) {
        task.setVariableLocal(RenewalProcess.EXIT_PLAN, exitService.suggestedPlan(ENGAGEMENT_ID.required(task)));
    }
}
