package org.bpogovernance.renewal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Start the new term": the agreed term becomes current; the lifecycle goes back to operations. */
@Component
class StartNewTermDelegate implements JavaDelegate {

    private final RenewalService renewalService;

    StartNewTermDelegate(RenewalService renewalService) {
        this.renewalService = renewalService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        renewalService.startNewTerm(RenewalProcess.RENEWAL_REVIEW_ID.required(execution));
        RenewalProcess.RENEWAL_DECISION.set(execution, RenewalReview.Decision.RENEW.name());
    }
}
