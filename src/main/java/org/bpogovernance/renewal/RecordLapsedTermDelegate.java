package org.bpogovernance.renewal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Record the lapsed term": the term ended with no renewal decision; the lifecycle closes the engagement. */
@Component
class RecordLapsedTermDelegate implements JavaDelegate {

    static final String LAPSED = "LAPSED";

    private final RenewalService renewalService;

    RecordLapsedTermDelegate(RenewalService renewalService) {
        this.renewalService = renewalService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        renewalService.lapse(RenewalProcess.RENEWAL_REVIEW_ID.required(execution));
        RenewalProcess.RENEWAL_DECISION.set(execution, LAPSED);
    }
}
