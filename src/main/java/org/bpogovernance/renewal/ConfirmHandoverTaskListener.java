package org.bpogovernance.renewal;

import static org.bpogovernance.engagement.EngagementVariables.ENGAGEMENT_ID;

import org.bpogovernance.platform.FormValues;
import org.bpogovernance.platform.UserInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completing "Confirm the service is handed over" ends the exit. */
@Component
class ConfirmHandoverTaskListener implements TaskListener {

    private final RenewalService renewalService;

    ConfirmHandoverTaskListener(RenewalService renewalService) {
        this.renewalService = renewalService;
    }

    @Override
    public void notify(DelegateTask task) {
        UserInput.check(() -> renewalService.confirmHandover(ENGAGEMENT_ID.required(task),
                FormValues.bool(task.getVariable(RenewalProcess.HANDOVER_CONFIRMED))));
        task.getExecution().removeVariable(RenewalProcess.HANDOVER_CONFIRMED);
    }
}
