package org.bpogovernance.engagement;

import static org.bpogovernance.engagement.EngagementVariables.ENGAGEMENT_ID;
import static org.bpogovernance.engagement.OnboardingProcess.COMMUNICATION_CHANNELS;
import static org.bpogovernance.engagement.OnboardingProcess.ESCALATION_PROTOCOL;
import static org.bpogovernance.engagement.OnboardingProcess.METRICS_NOTE;
import static org.bpogovernance.engagement.OnboardingProcess.REPORTING_CADENCE;

import org.bpogovernance.platform.FormValues;
import org.bpogovernance.platform.UserInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completing "Agree service metrics and ways of working" records what both parties agreed. */
@Component
class RecordWaysOfWorkingTaskListener implements TaskListener {

    private final OnboardingService onboardingService;

    RecordWaysOfWorkingTaskListener(OnboardingService onboardingService) {
        this.onboardingService = onboardingService;
    }

    @Override
    public void notify(DelegateTask task) {
        UserInput.check(() -> onboardingService.agreeWaysOfWorking(ENGAGEMENT_ID.required(task),
                FormValues.strings(COMMUNICATION_CHANNELS, task.getVariable(COMMUNICATION_CHANNELS)),
                FormValues.text(task.getVariable(REPORTING_CADENCE)),
                FormValues.text(task.getVariable(ESCALATION_PROTOCOL)),
                FormValues.text(task.getVariable(METRICS_NOTE))));
        task.getExecution().removeVariables(OnboardingProcess.WAYS_OF_WORKING_FIELDS);
    }
}
