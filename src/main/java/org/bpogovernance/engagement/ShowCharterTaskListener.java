package org.bpogovernance.engagement;

import static org.bpogovernance.engagement.EngagementVariables.ENGAGEMENT_ID;

import org.bpogovernance.platform.FormValues;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * Creating a charter task puts the charter on it: for the signers with what changed since the last
 * round; for the officer's rework with the rejections and the ways of working to change.
 */
@Component
class ShowCharterTaskListener implements TaskListener {

    static final String REWORK_TASK = "userTask_reworkCharter";

    private final OnboardingService onboardingService;

    ShowCharterTaskListener(OnboardingService onboardingService) {
        this.onboardingService = onboardingService;
    }

    @Override
    public void notify(DelegateTask task) {
        Long engagementId = ENGAGEMENT_ID.required(task);
        OnboardingProcess.CHARTER_TEXT.setLocal(task, onboardingService.charterText(engagementId));
        OnboardingProcess.CHARTER_REJECTIONS.setLocal(task, onboardingService.rejectionsOfLastRound(engagementId));
        String changes = onboardingService.charterChanges(engagementId);
        if (changes != null) {
            OnboardingProcess.CHARTER_CHANGES.setLocal(task, changes);
        }
        if (REWORK_TASK.equals(task.getTaskDefinitionKey())) {
            OnboardingService.WaysOfWorking agreed = onboardingService.waysOfWorking(engagementId);
            task.setVariableLocal(OnboardingProcess.COMMUNICATION_CHANNELS,
                    SpinValues.jsonValue(FormValues.jsonArray(agreed.channels())).create());
            task.setVariableLocal(OnboardingProcess.REPORTING_CADENCE, agreed.reportingCadence());
            task.setVariableLocal(OnboardingProcess.ESCALATION_PROTOCOL, agreed.escalationProtocol());
            task.setVariableLocal(OnboardingProcess.METRICS_NOTE, agreed.metricsNote() == null ? "" : agreed.metricsNote());
        }
    }
}
