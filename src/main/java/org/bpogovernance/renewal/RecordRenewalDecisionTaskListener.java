package org.bpogovernance.renewal;

import static org.bpogovernance.engagement.EngagementVariables.ENGAGEMENT_ID;

import org.bpogovernance.platform.FormValues;
import org.bpogovernance.platform.UserInput;
import org.bpogovernance.security.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completing "Decide on renewal" records the steering committee's decision and rationale (and,
 * to renew, the next term); the process routes on it.
 */
@Component
class RecordRenewalDecisionTaskListener implements TaskListener {

    private final RenewalService renewalService;
    private final CurrentUser currentUser;

    RecordRenewalDecisionTaskListener(RenewalService renewalService, CurrentUser currentUser) {
        this.renewalService = renewalService;
        this.currentUser = currentUser;
    }

    @Override
    public void notify(DelegateTask task) {
        String decision = FormValues.text(FormValues.submitted(task, RenewalProcess.DECISION_FIELD));
        String rationale = FormValues.text(FormValues.submitted(task, RenewalProcess.RENEWAL_RATIONALE));
        Long reviewId = RenewalProcess.RENEWAL_REVIEW_ID.from(task);
        if (reviewId == null) {
            // An instance of the first version: renew or exit, in the audit trail.
            UserInput.check(() -> renewalService.recordFirstVersionDecision(ENGAGEMENT_ID.required(task), decision, rationale));
        } else {
            UserInput.check(() -> renewalService.decide(reviewId, currentUser.id().orElse(CurrentUser.SYSTEM),
                    new RenewalService.DecisionRequest(decision, rationale,
                            FormValues.date(RenewalProcess.NEW_TERM_START, FormValues.submitted(task, RenewalProcess.NEW_TERM_START)),
                            FormValues.date(RenewalProcess.NEW_TERM_END, FormValues.submitted(task, RenewalProcess.NEW_TERM_END)),
                            FormValues.wholeNumberOrNull(RenewalProcess.NEW_NOTICE_PERIOD_DAYS,
                                    FormValues.submitted(task, RenewalProcess.NEW_NOTICE_PERIOD_DAYS)),
                            FormValues.text(FormValues.submitted(task, RenewalProcess.METRIC_CHANGES)))));
        }
        RenewalProcess.RENEWAL_DECISION.set(task.getExecution(), decision);
    }
}
