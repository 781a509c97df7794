package org.bpogovernance.renewal;

import static org.bpogovernance.engagement.EngagementVariables.ENGAGEMENT_ID;

import org.bpogovernance.platform.FormValues;
import org.bpogovernance.platform.UserInput;
import org.bpogovernance.security.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completing "Sign off the exit": only the named signer decides; a refusal says what is missing. */
@Component
class RecordExitSignOffTaskListener implements TaskListener {

    private final ExitService exitService;
    private final CurrentUser currentUser;

    RecordExitSignOffTaskListener(ExitService exitService, CurrentUser currentUser) {
        this.exitService = exitService;
        this.currentUser = currentUser;
    }

    @Override
    public void notify(DelegateTask task) {
        String signer = RenewalProcess.SIGNER.required(task);
        UserInput.check(() -> exitService.signOff(ENGAGEMENT_ID.required(task), signer, currentUser.id().orElse(signer),
                FormValues.text(FormValues.submitted(task, RenewalProcess.SIGN_OFF_DECISION)),
                FormValues.text(FormValues.submitted(task, RenewalProcess.SIGN_OFF_REASON))));
    }
}
