package org.bpogovernance.renewal;

import static org.bpogovernance.engagement.EngagementVariables.ENGAGEMENT_ID;

import org.bpogovernance.platform.FormValues;
import org.bpogovernance.platform.ProcessVariable;
import org.bpogovernance.platform.UserInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completing "Agree the amended terms" records them and sends them to both parties for signature. */
@Component
class RecordAmendmentTaskListener implements TaskListener {

    private final RenewalService renewalService;

    RecordAmendmentTaskListener(RenewalService renewalService) {
        this.renewalService = renewalService;
    }

    @Override
    public void notify(DelegateTask task) {
        Long reviewId = RenewalProcess.RENEWAL_REVIEW_ID.required(task);
        UserInput.check(() -> renewalService.amend(reviewId,
                FormValues.date(RenewalProcess.NEW_TERM_START, FormValues.submitted(task, RenewalProcess.NEW_TERM_START)),
                FormValues.date(RenewalProcess.NEW_TERM_END, FormValues.submitted(task, RenewalProcess.NEW_TERM_END)),
                FormValues.wholeNumberOrNull(RenewalProcess.NEW_NOTICE_PERIOD_DAYS,
                        FormValues.submitted(task, RenewalProcess.NEW_NOTICE_PERIOD_DAYS)),
                FormValues.text(FormValues.submitted(task, RenewalProcess.AMENDMENT)),
                FormValues.text(FormValues.submitted(task, RenewalProcess.METRIC_CHANGES))));
        task.getExecution().setVariable(RenewalProcess.AMENDMENT_SIGNERS,
                ProcessVariable.list(renewalService.signers(ENGAGEMENT_ID.required(task))));
    }
}
