package org.bpogovernance.action;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Escalate the overdue action": still open and past its due date after the grace period, so an escalation starts. */
@Component
class EscalateOverdueActionDelegate implements JavaDelegate {

    private final ActionItemService actionItems;

    EscalateOverdueActionDelegate(ActionItemService actionItems) {
        this.actionItems = actionItems;
    }

    @Override
    public void execute(DelegateExecution execution) {
        actionItems.escalateIfStillOverdue(ActionItemFollowUpProcess.ACTION_ITEM_ID.required(execution));
    }
}
