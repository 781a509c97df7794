package org.bpogovernance.action;

import org.bpogovernance.platform.FormValues;
import org.bpogovernance.platform.UserInput;
import org.bpogovernance.security.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completing "Complete the action item" closes it with the owner's note. */
@Component
class RecordActionItemCompletionTaskListener implements TaskListener {

    private final ActionItemService actionItems;
    private final CurrentUser currentUser;

    RecordActionItemCompletionTaskListener(ActionItemService actionItems, CurrentUser currentUser) {
        this.actionItems = actionItems;
        this.currentUser = currentUser;
    }

    @Override
    public void notify(DelegateTask task) {
        String by = currentUser.id().orElse(task.getAssignee());
        UserInput.check(() -> actionItems.complete(ActionItemFollowUpProcess.ACTION_ITEM_ID.required(task), by,
                currentUser.id().isPresent() && currentUser.seesEverything(),
                FormValues.text(task.getVariable(ActionItemFollowUpProcess.COMPLETION_NOTE))));
        task.getExecution().removeVariable(ActionItemFollowUpProcess.COMPLETION_NOTE);
    }
}
