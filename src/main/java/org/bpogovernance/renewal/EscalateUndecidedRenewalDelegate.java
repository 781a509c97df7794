package org.bpogovernance.renewal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Escalate the undecided renewal": the notice date came without a decision. */
@Component
class EscalateUndecidedRenewalDelegate implements JavaDelegate {

    private final RenewalService renewalService;

    EscalateUndecidedRenewalDelegate(RenewalService renewalService) {
        this.renewalService = renewalService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        renewalService.escalateUndecided(RenewalProcess.RENEWAL_REVIEW_ID.required(execution));
    }
}
