package org.bpogovernance.engagement;

import static org.bpogovernance.engagement.EngagementVariables.ENGAGEMENT_ID;
import static org.bpogovernance.engagement.OnboardingProcess.COMMUNICATION_CHANNELS;
import static org.bpogovernance.engagement.OnboardingProcess.ESCALATION_PROTOCOL;
import static org.bpogovernance.engagement.OnboardingProcess.METRICS_NOTE;
import static org.bpogovernance.engagement.OnboardingProcess.REPORTING_CADENCE;
import static org.bpogovernance.engagement.OnboardingProcess.REWORK_NOTE;

import org.bpogovernance.platform.FormValues;
import org.bpogovernance.platform.UserInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completing "Rework the charter" records what changed, and the ways of working as the officer
 * left them on the form, before both parties sign again.
 */
@Component
class RecordCharterReworkTaskListener implements TaskListener {

    private final OnboardingService onboardingService;

    RecordCharterReworkTaskListener(OnboardingService onboardingService) {
        this.onboardingService = onboardingService;
    }

    @Override
    public void notify(DelegateTask task) {
        String note = FormValues.text(FormValues.submitted(task, REWORK_NOTE));
        Object channels = FormValues.submitted(task, COMMUNICATION_CHANNELS);
        Object cadence = FormValues.submitted(task, REPORTING_CADENCE);
        Object protocol = FormValues.submitted(task, ESCALATION_PROTOCOL);
        Object metrics = FormValues.submitted(task, METRICS_NOTE);
        UserInput.check(() -> onboardingService.recordRework(ENGAGEMENT_ID.required(task), note,
                channels == null && cadence == null && protocol == null && metrics == null ? null
                        : new OnboardingService.WaysOfWorking(FormValues.strings(COMMUNICATION_CHANNELS, channels),
                                FormValues.text(cadence), FormValues.text(protocol), FormValues.text(metrics))));
    }
}
