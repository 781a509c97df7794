package org.bpogovernance.review;

import static org.bpogovernance.review.ReviewCallProcess.REVIEW_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Close and lock the review": both parties signed; the action items open. */
@Component
class CloseReviewDelegate implements JavaDelegate {

    private final MinutesService service;

    CloseReviewDelegate(MinutesService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.close(REVIEW_ID.required(execution));
    }
}
