package org.bpogovernance.engagement;

import static org.bpogovernance.engagement.EngagementVariables.ENGAGEMENT_ID;
import static org.bpogovernance.engagement.OnboardingProcess.STAKEHOLDER_MAP_CONFIRMED;

import org.bpogovernance.platform.FormValues;
import org.bpogovernance.platform.UserInput;
import org.bpogovernance.security.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completing "Confirm the stakeholder map": both signers must be on it. */
@Component
class ConfirmStakeholderMapTaskListener implements TaskListener {

    private final OnboardingService onboardingService;
    private final CurrentUser currentUser;

    ConfirmStakeholderMapTaskListener(OnboardingService onboardingService, CurrentUser currentUser) {
        this.onboardingService = onboardingService;
        this.currentUser = currentUser;
    }

    @Override
    public void notify(DelegateTask task) {
        String by = currentUser.id().orElse(task.getAssignee() == null ? CurrentUser.SYSTEM : task.getAssignee());
        UserInput.check(() -> onboardingService.confirmStakeholderMap(ENGAGEMENT_ID.required(task),
                FormValues.bool(task.getVariable(STAKEHOLDER_MAP_CONFIRMED)), by));
        task.getExecution().removeVariable(STAKEHOLDER_MAP_CONFIRMED);
    }
}
