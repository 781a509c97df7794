package org.bpogovernance.renewal;

import org.bpogovernance.platform.FormValues;
import org.bpogovernance.platform.UserInput;
import org.bpogovernance.security.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completing "Sign the amendment": only the named signer decides; a refusal says what must change. */
@Component
class RecordAmendmentSignOffTaskListener implements TaskListener {

    private final RenewalService renewalService;
    private final CurrentUser currentUser;

    RecordAmendmentSignOffTaskListener(RenewalService renewalService, CurrentUser currentUser) {
        this.renewalService = renewalService;
        this.currentUser = currentUser;
    }

    @Override
    public void notify(DelegateTask task) {
        String signer = RenewalProcess.SIGNER.required(task);
        UserInput.check(() -> renewalService.signAmendment(RenewalProcess.RENEWAL_REVIEW_ID.required(task), signer,
                currentUser.id().orElse(signer),
                FormValues.text(FormValues.submitted(task, RenewalProcess.SIGN_OFF_DECISION)),
                FormValues.text(FormValues.submitted(task, RenewalProcess.SIGN_OFF_REASON))));
    }
}
