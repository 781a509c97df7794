package org.bpogovernance.engagement;

import static org.bpogovernance.engagement.EngagementVariables.ENGAGEMENT_ID;
import static org.bpogovernance.engagement.OnboardingProcess.CHARTER_DECISION;
import static org.bpogovernance.engagement.OnboardingProcess.CHARTER_REJECTION_REASON;

import org.bpogovernance.platform.FormValues;
import org.bpogovernance.platform.UserInput;
import org.bpogovernance.security.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completing "Sign the onboarding charter" records that party's decision. The person completing
 * the task must be the named signer, whoever the task was reassigned to.
 */
@Component
class RecordCharterDecisionTaskListener implements TaskListener {

    private final OnboardingService onboardingService;
    private final CurrentUser currentUser;

    RecordCharterDecisionTaskListener(OnboardingService onboardingService, CurrentUser currentUser) {
        this.onboardingService = onboardingService;
        this.currentUser = currentUser;
    }

    @Override
    public void notify(DelegateTask task) {
        String signer = currentUser.id().orElse(task.getAssignee());
        Side side = Side.valueOf(OnboardingProcess.CHARTER_SIDE.required(task));
        UserInput.check(() -> onboardingService.decideCharter(ENGAGEMENT_ID.required(task), side, signer,
                FormValues.text(task.getVariable(CHARTER_DECISION)),
                FormValues.text(task.getVariable(CHARTER_REJECTION_REASON))));
    }
}
