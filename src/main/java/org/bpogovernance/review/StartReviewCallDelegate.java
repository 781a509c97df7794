package org.bpogovernance.review;

import static org.bpogovernance.engagement.EngagementVariables.ENGAGEMENT_ID;

import java.time.OffsetDateTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Start the review call": opens the reviews planned for this moment (one per tier due) and starts
 * a milestone-review for each.
 */
@Component
class StartReviewCallDelegate implements JavaDelegate {

    private final ReviewService reviewService;

    StartReviewCallDelegate(ReviewService reviewService) {
        this.reviewService = reviewService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reviewService.startDue(ENGAGEMENT_ID.required(execution),
                OffsetDateTime.parse(ReviewCallProcess.NEXT_CALL_AT.required(execution)));
    }
}
