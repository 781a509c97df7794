package org.bpogovernance.renewal;

import static org.bpogovernance.engagement.EngagementVariables.ENGAGEMENT_ID;

import org.bpogovernance.platform.FormValues;
import org.bpogovernance.platform.UserInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completing "Confirm the service is handed over", the single task of the exit's first version. */
@Component
class ConfirmHandoverTaskListener implements TaskListener {

    private final ExitService exitService;

    ConfirmHandoverTaskListener(ExitService exitService) {
        this.exitService = exitService;
    }

    @Override
    public void notify(DelegateTask task) {
        UserInput.check(() -> exitService.confirmHandover(ENGAGEMENT_ID.required(task),
                FormValues.bool(FormValues.submitted(task, RenewalProcess.HANDOVER_CONFIRMED))));
    }
}
