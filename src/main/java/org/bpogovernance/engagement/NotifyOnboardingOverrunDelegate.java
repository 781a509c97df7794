package org.bpogovernance.engagement;

import static org.bpogovernance.engagement.EngagementVariables.ENGAGEMENT_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Notify onboarding overrun": records it; the officer and the sponsors are told. */
@Component
class NotifyOnboardingOverrunDelegate implements JavaDelegate {

    private final OnboardingService onboardingService;

    NotifyOnboardingOverrunDelegate(OnboardingService onboardingService) {
        this.onboardingService = onboardingService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        onboardingService.recordOverrun(ENGAGEMENT_ID.required(execution));
    }
}
