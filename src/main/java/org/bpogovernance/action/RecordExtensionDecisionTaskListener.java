package org.bpogovernance.action;

import static org.bpogovernance.action.ActionItemFollowUpProcess.ACTION_ITEM_ID;

import org.bpogovernance.engagement.EngagementService;
import org.bpogovernance.platform.FormValues;
import org.bpogovernance.platform.UserInput;
import org.bpogovernance.security.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completing "Decide on the new due date": an approval moves the item's due date, and the owner's task with it. */
@Component
class RecordExtensionDecisionTaskListener implements TaskListener {

    private final ActionItemService actionItems;
    private final EngagementService engagements;
    private final CurrentUser currentUser;

    RecordExtensionDecisionTaskListener(ActionItemService actionItems, EngagementService engagements, CurrentUser currentUser) {
        this.actionItems = actionItems;
        this.engagements = engagements;
        this.currentUser = currentUser;
    }

    @Override
    public void notify(DelegateTask task) {
        Long itemId = ACTION_ITEM_ID.required(task);
        DueDateChange decided = UserInput.check(() -> actionItems.decideNewDueDate(itemId,
                currentUser.id().orElse(task.getAssignee()),
                FormValues.text(FormValues.submitted(task, ActionItemFollowUpProcess.EXTENSION_DECISION)),
                FormValues.text(FormValues.submitted(task, ActionItemFollowUpProcess.EXTENSION_NOTE))));
        if (decided.getDecision() == DueDateChange.Decision.APPROVED) {
            ActionItem item = actionItems.forProcess(itemId);
            ActionItemFollowUpProcess.DUE.set(task.getExecution(),
                    ActionItemFollowUp.dueAt(engagements.forProcess(item.getEngagementId()), item.getDueDate()));
        }
    }
}
