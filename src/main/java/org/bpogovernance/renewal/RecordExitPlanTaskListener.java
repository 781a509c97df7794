package org.bpogovernance.renewal;

import static org.bpogovernance.engagement.EngagementVariables.ENGAGEMENT_ID;

import org.bpogovernance.platform.FormValues;
import org.bpogovernance.platform.ProcessVariable;
import org.bpogovernance.platform.UserInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completing "Prepare the exit plan" stores its items; each goes to its owner, and the signers are set. */
@Component
class RecordExitPlanTaskListener implements TaskListener {

    private final ExitService exitService;

    RecordExitPlanTaskListener(ExitService exitService) {
        this.exitService = exitService;
    }

    @Override
    public void notify(DelegateTask task) {
        Long engagementId = ENGAGEMENT_ID.required(task);
        UserInput.check(() -> exitService.plan(engagementId, FormValues.text(FormValues.submitted(task, RenewalProcess.EXIT_PLAN))));
        task.getExecution().setVariable(RenewalProcess.EXIT_ITEM_IDS, ProcessVariable.list(exitService.openItemIds(engagementId)));
        task.getExecution().setVariable(RenewalProcess.EXIT_SIGNERS, ProcessVariable.list(exitService.signers(engagementId)));
    }
}
