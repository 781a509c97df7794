package org.bpogovernance.engagement;

import static org.bpogovernance.engagement.EngagementVariables.ENGAGEMENT_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Begin onboarding": opens the record and sets the overrun timer from its target date. */
@Component
class BeginOnboardingDelegate implements JavaDelegate {

    private final OnboardingService onboardingService;

    BeginOnboardingDelegate(OnboardingService onboardingService) {
        this.onboardingService = onboardingService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long engagementId = ENGAGEMENT_ID.required(execution);
        onboardingService.begin(engagementId);
        OnboardingProcess.OVERRUN_TIMER_CYCLE.set(execution, onboardingService.overrunTimerCycle(engagementId));
    }
}
