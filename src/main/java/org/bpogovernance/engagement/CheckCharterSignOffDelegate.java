package org.bpogovernance.engagement;

import static org.bpogovernance.engagement.EngagementVariables.ENGAGEMENT_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Check charter sign-offs": approved only when both parties approved this round. */
@Component
class CheckCharterSignOffDelegate implements JavaDelegate {

    private final OnboardingService onboardingService;

    CheckCharterSignOffDelegate(OnboardingService onboardingService) {
        this.onboardingService = onboardingService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        OnboardingProcess.CHARTER_APPROVED.set(execution,
                onboardingService.charterApprovedByBoth(ENGAGEMENT_ID.required(execution)));
    }
}
