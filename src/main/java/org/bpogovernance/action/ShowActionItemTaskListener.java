package org.bpogovernance.action;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Creating "Complete the action item" puts what is to be done on the task for its form. */
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
        task.setDescription(item.getDescription());
    }
}
