package org.bpogovernance.action;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Tell the escalation contact": the item is past its due date; the owner's next level up hears of it. */
@Component
class TellEscalationContactDelegate implements JavaDelegate {

    private final ActionItemService actionItems;

    TellEscalationContactDelegate(ActionItemService actionItems) {
        this.actionItems = actionItems;
    }

    @Override
    public void execute(DelegateExecution execution) {
        actionItems.tellEscalationContact(ActionItemFollowUpProcess.ACTION_ITEM_ID.required(execution));
    }
}
