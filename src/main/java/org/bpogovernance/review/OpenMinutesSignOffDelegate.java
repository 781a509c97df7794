package org.bpogovernance.review;

import static org.bpogovernance.review.ReviewCallProcess.REVIEW_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Send the minutes for sign-off": a new round, to the two named signers. */
@Component
class OpenMinutesSignOffDelegate implements JavaDelegate {

    private final MinutesService minutesService;

    OpenMinutesSignOffDelegate(MinutesService minutesService) {
        this.minutesService = minutesService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        MinutesService.Signers signers = minutesService.openSignOff(REVIEW_ID.required(execution));
        ReviewCallProcess.CLIENT_SIGNER.set(execution, signers.client());
        ReviewCallProcess.PROVIDER_SIGNER.set(execution, signers.provider());
    }
}
