package org.bpogovernance.review;

import static org.bpogovernance.review.ReviewCallProcess.REVIEW_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Attach the scorecard": the performance pack of the reviewed period. */
@Component
class AttachScorecardDelegate implements JavaDelegate {

    private final ReviewService service;

    AttachScorecardDelegate(ReviewService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.attachScorecard(REVIEW_ID.required(execution));
    }
}
