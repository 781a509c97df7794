package org.bpogovernance.review;

import static org.bpogovernance.review.ReviewCallProcess.REVIEW_ID;

import org.bpogovernance.action.ActionItemService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Start action item follow-ups": each agreed action item is followed up by its owner to closure. */
@Component
class StartActionItemFollowUpsDelegate implements JavaDelegate {

    private final ActionItemService actionItems;

    StartActionItemFollowUpsDelegate(ActionItemService actionItems) {
        this.actionItems = actionItems;
    }

    @Override
    public void execute(DelegateExecution execution) {
        actionItems.startFollowUps(REVIEW_ID.required(execution));
    }
}
