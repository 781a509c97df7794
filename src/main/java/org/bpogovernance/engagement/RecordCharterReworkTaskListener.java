package org.bpogovernance.engagement;

import static org.bpogovernance.engagement.EngagementVariables.ENGAGEMENT_ID;
import static org.bpogovernance.engagement.OnboardingProcess.REWORK_NOTE;

import org.bpogovernance.platform.FormValues;
import org.bpogovernance.platform.UserInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completing "Rework the charter" records what changed before both parties sign again. */
@Component
class RecordCharterReworkTaskListener implements TaskListener {

    private final OnboardingService onboardingService;

    RecordCharterReworkTaskListener(OnboardingService onboardingService) {
        this.onboardingService = onboardingService;
    }

    @Override
    public void notify(DelegateTask task) {
        UserInput.check(() -> onboardingService.recordRework(ENGAGEMENT_ID.required(task),
                FormValues.text(task.getVariable(REWORK_NOTE))));
        task.getExecution().removeVariable(REWORK_NOTE);
    }
}
