package org.bpogovernance.action;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Creating "Complete the action item" puts what is to be done, and by when, on the task for its form. */
@Component
class ShowActionItemTaskListener implements TaskListener {

    private final ActionItemService actionItems;

    ShowActionItemTaskListener(ActionItemService actionItems) {
        this.actionItems = actionItems;
    }

    @Override
    public void notify(DelegateTask task) {
        ActionItem item = actionItems.forProcess(ActionItemFollowUpProcess.ACTION_ITEM_ID.required(task));
        task.setVariableLocal(ActionItemFollowUpProcess.DESCRIPTION, item.getDescription() + " (due " + item.getDueDate() + ")");
        task.setVariableLocal(ActionItemFollowUpProcess.OUTCOME_FIELD, null);
        task.setVariableLocal(ActionItemFollowUpProcess.COMPLETION_NOTE, null);
        task.setVariableLocal(ActionItemFollowUpProcess.NEW_DUE_DATE, null);
        task.setVariableLocal(ActionItemFollowUpProcess.EXTENSION_REASON, null);
        task.setDescription(item.getDescription());
    }
}
