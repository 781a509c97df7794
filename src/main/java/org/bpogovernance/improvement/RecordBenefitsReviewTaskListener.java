package org.bpogovernance.improvement;

import org.bpogovernance.platform.FormValues;
import org.bpogovernance.platform.UserInput;
import org.bpogovernance.security.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completing "Review the benefits": adopt, extend to a later review, or drop, with the lessons learned. */
@Component
class RecordBenefitsReviewTaskListener implements TaskListener {

    private final InitiativeService initiatives;
    private final CurrentUser currentUser;

    RecordBenefitsReviewTaskListener(InitiativeService initiatives, CurrentUser currentUser) {
        this.initiatives = initiatives;
        this.currentUser = currentUser;
    }

    @Override
    public void notify(DelegateTask task) {
        Long id = InitiativeProcess.INITIATIVE_ID.required(task);
        String outcome = FormValues.text(FormValues.submitted(task, InitiativeProcess.OUTCOME_FIELD));
        UserInput.check(() -> initiatives.reviewBenefits(id, currentUser.id().orElse(task.getAssignee()), outcome,
                FormValues.text(FormValues.submitted(task, InitiativeProcess.LESSONS)),
                FormValues.submitted(task, InitiativeProcess.NEW_REVIEW_DATE)));
        InitiativeProcess.OUTCOME.set(task.getExecution(), outcome);
        if ("EXTEND".equals(outcome)) {
            InitiativeProcess.BENEFITS_REVIEW_DUE.set(task.getExecution(), initiatives.benefitsReviewDue(id));
        }
    }
}
