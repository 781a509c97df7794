package org.bpogovernance.renewal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Check the signatures": did both parties sign the amendment? */
@Component
class CheckAmendmentSignOffDelegate implements JavaDelegate {

    private final RenewalService renewalService;

    CheckAmendmentSignOffDelegate(RenewalService renewalService) {
        this.renewalService = renewalService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RenewalProcess.AMENDMENT_SIGNED.set(execution,
                renewalService.amendmentSigned(RenewalProcess.RENEWAL_REVIEW_ID.required(execution)));
    }
}
