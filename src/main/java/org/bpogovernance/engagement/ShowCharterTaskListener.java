package org.bpogovernance.engagement;

import static org.bpogovernance.engagement.EngagementVariables.ENGAGEMENT_ID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Creating a charter task (sign or rework) puts the charter and the last rejections on it. */
@Component
class ShowCharterTaskListener implements TaskListener {

    private final OnboardingService onboardingService;

    ShowCharterTaskListener(OnboardingService onboardingService) {
        this.onboardingService = onboardingService;
    }

    @Override
    public void notify(DelegateTask task) {
        Long engagementId = ENGAGEMENT_ID.required(task);
        OnboardingProcess.CHARTER_TEXT.setLocal(task, onboardingService.charterText(engagementId));
        OnboardingProcess.CHARTER_REJECTIONS.setLocal(task, onboardingService.rejectionsOfLastRound(engagementId));
    }
}
