package org.bpogovernance.renewal;

import java.time.OffsetDateTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Send the renewal alert": mails this lead time's alert and sets when the next one is due (none: null). */
@Component
class SendRenewalAlertDelegate implements JavaDelegate {

    private final RenewalService renewalService;

    SendRenewalAlertDelegate(RenewalService renewalService) {
        this.renewalService = renewalService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String planned = RenewalProcess.NEXT_ALERT_AT.from(execution);
        RenewalProcess.NEXT_ALERT_AT.set(execution, renewalService.sendAlert(RenewalProcess.RENEWAL_REVIEW_ID.required(execution),
                planned == null ? null : OffsetDateTime.parse(planned)).map(Object::toString).orElse(null));
    }
}
