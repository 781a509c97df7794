package org.bpogovernance.renewal;

import static org.bpogovernance.engagement.EngagementVariables.ENGAGEMENT_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Schedule the renewal window": sets the timer that ends the operational phase. */
@Component
class ScheduleRenewalWindowDelegate implements JavaDelegate {

    private final RenewalService renewalService;

    ScheduleRenewalWindowDelegate(RenewalService renewalService) {
        this.renewalService = renewalService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RenewalProcess.RENEWAL_WINDOW_OPENS_AT.set(execution,
                renewalService.renewalWindowOpensAt(ENGAGEMENT_ID.required(execution)).toString());
    }
}
