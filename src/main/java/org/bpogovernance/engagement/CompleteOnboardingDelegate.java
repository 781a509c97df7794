package org.bpogovernance.engagement;

import static org.bpogovernance.engagement.EngagementVariables.ENGAGEMENT_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Complete onboarding": the charter is signed by both parties. */
@Component
class CompleteOnboardingDelegate implements JavaDelegate {

    private final OnboardingService onboardingService;

    CompleteOnboardingDelegate(OnboardingService onboardingService) {
        this.onboardingService = onboardingService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        onboardingService.complete(ENGAGEMENT_ID.required(execution));
    }
}
