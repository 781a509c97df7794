package org.bpogovernance.action;

import static org.bpogovernance.action.ActionItemFollowUpProcess.ACTION_ITEM_ID;
import static org.bpogovernance.action.ActionItemFollowUpProcess.OUTCOME;

import org.bpogovernance.platform.FormValues;
import org.bpogovernance.platform.InvalidInputException;
import org.bpogovernance.platform.UserInput;
import org.bpogovernance.security.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completing "Complete the action item": done, with a note on what was done (the owner or an
 * officer); or the owner asks for a new due date, with the reason, for the officer to decide.
 */
@Component
class RecordActionItemOutcomeTaskListener implements TaskListener {

    private final ActionItemService actionItems;
    private final CurrentUser currentUser;

    RecordActionItemOutcomeTaskListener(ActionItemService actionItems, CurrentUser currentUser) {
        this.actionItems = actionItems;
        this.currentUser = currentUser;
    }

    @Override
    public void notify(DelegateTask task) {
        String by = currentUser.id().orElse(task.getAssignee());
        Long itemId = ACTION_ITEM_ID.required(task);
        String outcome = FormValues.text(FormValues.submitted(task, ActionItemFollowUpProcess.OUTCOME_FIELD));
        UserInput.check(() -> {
            switch (outcome == null ? "" : outcome) {
                case "DONE" -> actionItems.complete(itemId, by, currentUser.id().isPresent() && currentUser.seesEverything(),
                        FormValues.text(FormValues.submitted(task, ActionItemFollowUpProcess.COMPLETION_NOTE)));
                case "EXTEND" -> actionItems.requestNewDueDate(itemId, by,
                        FormValues.date(ActionItemFollowUpProcess.NEW_DUE_DATE, FormValues.submitted(task, ActionItemFollowUpProcess.NEW_DUE_DATE)),
                        FormValues.text(FormValues.submitted(task, ActionItemFollowUpProcess.EXTENSION_REASON)));
                default -> throw new InvalidInputException(ActionItemFollowUpProcess.OUTCOME_FIELD, "must be DONE or EXTEND");
            }
        });
        OUTCOME.set(task.getExecution(), outcome);
    }
}
