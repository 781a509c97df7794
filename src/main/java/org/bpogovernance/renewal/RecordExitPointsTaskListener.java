package org.bpogovernance.renewal;

import static org.bpogovernance.engagement.EngagementVariables.ENGAGEMENT_ID;

import org.bpogovernance.platform.FormValues;
import org.bpogovernance.platform.ProcessVariable;
import org.bpogovernance.platform.UserInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completing "Address the open exit points" adds the new items, which go to their owners. */
@Component
class RecordExitPointsTaskListener implements TaskListener {

    private final ExitService exitService;

    RecordExitPointsTaskListener(ExitService exitService) {
        this.exitService = exitService;
    }

    @Override
    public void notify(DelegateTask task) {
        Long engagementId = ENGAGEMENT_ID.required(task);
        UserInput.check(() -> exitService.addItems(engagementId, FormValues.text(FormValues.submitted(task, RenewalProcess.EXIT_PLAN))));
        task.getExecution().setVariable(RenewalProcess.EXIT_ITEM_IDS, ProcessVariable.list(exitService.openItemIds(engagementId)));
    }
}
