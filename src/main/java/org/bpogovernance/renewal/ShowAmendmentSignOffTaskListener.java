package org.bpogovernance.renewal;

import org.bpogovernance.platform.FormValues;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Creating "Sign the amendment" puts the amendment on the form. */
@Component
class ShowAmendmentSignOffTaskListener implements TaskListener {

    private final RenewalService renewalService;

    ShowAmendmentSignOffTaskListener(RenewalService renewalService) {
        this.renewalService = renewalService;
    }

    @Override
    public void notify(DelegateTask task) {
        task.setVariableLocal(RenewalProcess.AMENDMENT_TEXT,
                FormValues.shown(renewalService.amendmentText(RenewalProcess.RENEWAL_REVIEW_ID.required(task))));
        task.setVariableLocal(RenewalProcess.SIGN_OFF_DECISION, null);
        task.setVariableLocal(RenewalProcess.SIGN_OFF_REASON, null);
    }
}
