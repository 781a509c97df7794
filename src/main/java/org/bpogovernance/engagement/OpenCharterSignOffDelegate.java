package org.bpogovernance.engagement;

import static org.bpogovernance.engagement.EngagementVariables.ENGAGEMENT_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Send charter for signature": a new round, addressed to the two named signers. */
@Component
class OpenCharterSignOffDelegate implements JavaDelegate {

    private final OnboardingService onboardingService;

    OpenCharterSignOffDelegate(OnboardingService onboardingService) {
        this.onboardingService = onboardingService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        OnboardingService.Signers signers = onboardingService.openCharterRound(ENGAGEMENT_ID.required(execution));
        OnboardingProcess.CLIENT_SIGNER.set(execution, signers.client());
        OnboardingProcess.PROVIDER_SIGNER.set(execution, signers.provider());
    }
}
