package org.bpogovernance.review;

import static org.bpogovernance.engagement.EngagementVariables.ENGAGEMENT_ID;

import org.bpogovernance.engagement.TierLevel;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Start the review call": opens the review of the planned tier and starts its milestone-review. */
@Component
class StartReviewCallDelegate implements JavaDelegate {

    private final ReviewService reviewService;

    StartReviewCallDelegate(ReviewService reviewService) {
        this.reviewService = reviewService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reviewService.start(ENGAGEMENT_ID.required(execution), TierLevel.valueOf(ReviewCallProcess.NEXT_TIER.required(execution)));
    }
}
