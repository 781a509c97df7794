package org.bpogovernance.action;

import org.bpogovernance.platform.FormValues;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Creating "Decide on the new due date" shows the officer what the owner asked for and why. */
@Component
class ShowExtensionRequestTaskListener implements TaskListener {

    private final ActionItemService actionItems;

    ShowExtensionRequestTaskListener(ActionItemService actionItems) {
        this.actionItems = actionItems;
    }

    @Override
    public void notify(DelegateTask task) {
        task.setVariableLocal(ActionItemFollowUpProcess.EXTENSION_REQUEST,
                FormValues.shown(actionItems.pendingRequestText(ActionItemFollowUpProcess.ACTION_ITEM_ID.required(task))));
        task.setVariableLocal(ActionItemFollowUpProcess.EXTENSION_DECISION, null);
        task.setVariableLocal(ActionItemFollowUpProcess.EXTENSION_NOTE, null);
    }
}
