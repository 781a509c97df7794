package org.bpogovernance.escalation;

import org.bpogovernance.action.ActionLines;
import org.bpogovernance.platform.FormLines;
import org.bpogovernance.platform.FormValues;
import org.bpogovernance.platform.UserInput;
import org.bpogovernance.security.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completing "Respond to the escalation": resolved (with a note and an optional action plan, one
 * action per line {@code due date | owner | action}), or passed up a level now.
 */
@Component
class RecordEscalationResponseTaskListener implements TaskListener {

    private final EscalationService escalationService;
    private final CurrentUser currentUser;

    RecordEscalationResponseTaskListener(EscalationService escalationService, CurrentUser currentUser) {
        this.escalationService = escalationService;
        this.currentUser = currentUser;
    }

    @Override
    public void notify(DelegateTask task) {
        String response = FormValues.text(FormValues.submitted(task, EscalationProcess.RESPONSE));
        Escalation escalation = UserInput.check(() -> {
            ActionLines.Parsed plan = ActionLines.parse(EscalationProcess.ACTION_PLAN,
                    FormValues.text(FormValues.submitted(task, EscalationProcess.ACTION_PLAN)));
            return FormLines.namingLines(EscalationProcess.ACTION_PLAN, plan.lineNumbers(), plan.unreadable(), () -> escalationService.respond(
                    EscalationProcess.ESCALATION_ID.required(task), currentUser.id().orElse(task.getAssignee()), response,
                    FormValues.text(FormValues.submitted(task, EscalationProcess.RESOLUTION)),
                    FormValues.text(FormValues.submitted(task, EscalationProcess.NOTE)), plan.actions()));
        });
        EscalationProcess.OUTCOME.set(task.getExecution(),
                escalation.getStatus() == Escalation.Status.RESOLVED ? "RESOLVED" : "ESCALATE");
    }
}
