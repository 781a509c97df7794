package org.bpogovernance.review;

import static org.bpogovernance.review.ReviewCallProcess.REVIEW_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Check the sign-offs": approved by both, or back for rework (and escalated if asked). */
@Component
class CheckMinutesSignOffDelegate implements JavaDelegate {

    private final MinutesService service;

    CheckMinutesSignOffDelegate(MinutesService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ReviewCallProcess.SIGN_OFF_OUTCOME.set(execution, service.outcome(REVIEW_ID.required(execution)).name());
    }
}
