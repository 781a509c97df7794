package org.bpogovernance.renewal;

import static org.bpogovernance.engagement.EngagementVariables.ENGAGEMENT_ID;

import org.bpogovernance.platform.FormValues;
import org.bpogovernance.platform.UserInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completing "Decide on renewal" records the steering committee's decision and rationale. */
@Component
class RecordRenewalDecisionTaskListener implements TaskListener {

    private final RenewalService renewalService;

    RecordRenewalDecisionTaskListener(RenewalService renewalService) {
        this.renewalService = renewalService;
    }

    @Override
    public void notify(DelegateTask task) {
        UserInput.check(() -> renewalService.recordDecision(ENGAGEMENT_ID.required(task),
                RenewalProcess.RENEWAL_DECISION.from(task),
                FormValues.text(task.getVariable(RenewalProcess.RENEWAL_RATIONALE))));
        task.getExecution().removeVariable(RenewalProcess.RENEWAL_RATIONALE);
    }
}
