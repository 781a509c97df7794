package org.bpogovernance.engagement;

import static org.bpogovernance.engagement.EngagementVariables.ENGAGEMENT_ID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Creating "Confirm the stakeholder map" puts the current map on the task for its form. */
@Component
class ShowStakeholderMapTaskListener implements TaskListener {

    private final OnboardingService onboardingService;

    ShowStakeholderMapTaskListener(OnboardingService onboardingService) {
        this.onboardingService = onboardingService;
    }

    @Override
    public void notify(DelegateTask task) {
        OnboardingProcess.STAKEHOLDER_MAP.setLocal(task, onboardingService.stakeholderMapText(ENGAGEMENT_ID.required(task)));
    }
}
