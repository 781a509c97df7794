package org.bpogovernance.review;

import static org.bpogovernance.engagement.EngagementVariables.ENGAGEMENT_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Plan the next review call": which tier's call comes next on the cadence, and when its preparation starts. */
@Component
class PlanNextReviewCallDelegate implements JavaDelegate {

    private final ReviewService reviewService;

    PlanNextReviewCallDelegate(ReviewService reviewService) {
        this.reviewService = reviewService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var next = reviewService.nextCall(ENGAGEMENT_ID.required(execution));
        ReviewCallProcess.CALL_TO_COME.set(execution, next.isPresent());
        ReviewCallProcess.NEXT_TIER.set(execution, next.map(call -> call.tier().name()).orElse(null));
        ReviewCallProcess.NEXT_CALL_AT.set(execution, next.map(call -> call.startsAt().toString()).orElse(null));
    }
}
