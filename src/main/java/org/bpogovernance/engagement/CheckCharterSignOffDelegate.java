package org.bpogovernance.engagement;

import static org.bpogovernance.engagement.EngagementVariables.ENGAGEMENT_ID;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Check charter sign-offs": approved only when both parties approved this round; then, when operations begin. */
@Component
class CheckCharterSignOffDelegate implements JavaDelegate {

    private final OnboardingService onboardingService;
    private final Clock clock;

    CheckCharterSignOffDelegate(OnboardingService onboardingService, Clock clock) {
        this.onboardingService = onboardingService;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long engagementId = ENGAGEMENT_ID.required(execution);
        boolean approved = onboardingService.charterApprovedByBoth(engagementId);
        OnboardingProcess.CHARTER_APPROVED.set(execution, approved);
        if (approved) {
            OffsetDateTime operationsBegin = onboardingService.operationsBeginAt(engagementId);
            OnboardingProcess.OPERATIONS_BEGIN_AT.set(execution, operationsBegin.toString());
            OnboardingProcess.OPERATIONS_BEGIN_LATER.set(execution, operationsBegin.toInstant().isAfter(clock.instant()));
        }
    }
}
