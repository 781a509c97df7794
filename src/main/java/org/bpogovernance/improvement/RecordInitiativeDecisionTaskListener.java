package org.bpogovernance.improvement;

import org.bpogovernance.platform.FormValues;
import org.bpogovernance.platform.UserInput;
import org.bpogovernance.security.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completing "Decide on the initiative": approve as a pilot, park until a date, or reject. */
@Component
class RecordInitiativeDecisionTaskListener implements TaskListener {

    private final InitiativeService initiatives;
    private final CurrentUser currentUser;

    RecordInitiativeDecisionTaskListener(InitiativeService initiatives, CurrentUser currentUser) {
        this.initiatives = initiatives;
        this.currentUser = currentUser;
    }

    @Override
    public void notify(DelegateTask task) {
        Long id = InitiativeProcess.INITIATIVE_ID.required(task);
        String decision = FormValues.text(FormValues.submitted(task, InitiativeProcess.DECISION_FIELD));
        Initiative initiative = UserInput.check(() -> initiatives.decide(id, currentUser.id().orElse(task.getAssignee()),
                decision, FormValues.text(FormValues.submitted(task, InitiativeProcess.DECISION_REASON)),
                ownerOf(FormValues.text(FormValues.submitted(task, InitiativeProcess.OWNER_FIELD))),
                FormValues.text(FormValues.submitted(task, InitiativeProcess.MILESTONES)),
                FormValues.submitted(task, InitiativeProcess.REVIEW_DATE),
                FormValues.submitted(task, InitiativeProcess.REVISIT_DATE)));
        InitiativeProcess.DECISION.set(task.getExecution(), decision);
        switch (initiative.getStatus()) {
            case PILOT -> {
                InitiativeProcess.PILOT_OWNER.set(task.getExecution(), initiative.getOwner());
                InitiativeProcess.BENEFITS_REVIEW_DUE.set(task.getExecution(), initiatives.benefitsReviewDue(id));
            }
            case PARKED -> InitiativeProcess.REVISIT_DUE.set(task.getExecution(), initiatives.revisitDue(id));
            default -> {
                // rejected: the process ends
            }
        }
    }

    /** The owner as typed or copied from the people list ("clara — Clara Client, …"): the user id. */
    private static String ownerOf(String typed) {
        if (typed == null) {
            return null;
        }
        int dash = typed.indexOf(" — ");
        return (dash < 0 ? typed : typed.substring(0, dash)).trim();
    }
}
