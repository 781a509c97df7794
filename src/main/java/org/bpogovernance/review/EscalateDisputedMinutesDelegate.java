package org.bpogovernance.review;

import static org.bpogovernance.review.ReviewCallProcess.REVIEW_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Escalate the disputed minutes": a signer rejected them and asked for an escalation. */
@Component
class EscalateDisputedMinutesDelegate implements JavaDelegate {

    private final MinutesService service;

    EscalateDisputedMinutesDelegate(MinutesService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.escalateDispute(REVIEW_ID.required(execution));
    }
}
