package org.bpogovernance.review;

import static org.bpogovernance.review.ReviewCallProcess.REVIEW_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Check the quorum": the client representative and the provider manager confirmed. */
@Component
class CheckQuorumDelegate implements JavaDelegate {

    private final ReviewService service;

    CheckQuorumDelegate(ReviewService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ReviewCallProcess.QUORUM_REACHED.set(execution, service.quorumReached(REVIEW_ID.required(execution)));
    }
}
