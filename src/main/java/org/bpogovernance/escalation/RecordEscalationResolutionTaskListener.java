package org.bpogovernance.escalation;

import static org.bpogovernance.engagement.EngagementVariables.ENGAGEMENT_ID;

import org.bpogovernance.platform.FormValues;
import org.bpogovernance.platform.UserInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completing "Resolve the escalation" records the resolution and its note. */
@Component
class RecordEscalationResolutionTaskListener implements TaskListener {

    private final EscalationService escalationService;

    RecordEscalationResolutionTaskListener(EscalationService escalationService) {
        this.escalationService = escalationService;
    }

    @Override
    public void notify(DelegateTask task) {
        UserInput.check(() -> escalationService.resolve(ENGAGEMENT_ID.required(task),
                EscalationProcess.SUBJECT.from(task),
                FormValues.text(FormValues.submitted(task, EscalationProcess.RESOLUTION)),
                FormValues.text(FormValues.submitted(task, EscalationProcess.NOTE))));
    }
}
