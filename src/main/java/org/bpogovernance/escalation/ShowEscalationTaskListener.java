package org.bpogovernance.escalation;

import org.bpogovernance.platform.FormValues;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Creating "Respond to the escalation" shows what it is about and every step so far. At the top of
 * the ladder the form offers no "pass it up" (it would be refused): the response is to resolve.
 */
@Component
class ShowEscalationTaskListener implements TaskListener {

    private final EscalationService escalationService;

    ShowEscalationTaskListener(EscalationService escalationService) {
        this.escalationService = escalationService;
    }

    @Override
    public void notify(DelegateTask task) {
        task.setVariableLocal(EscalationProcess.HISTORY,
                FormValues.shown(escalationService.historyText(EscalationProcess.ESCALATION_ID.required(task))));
        for (String field : new String[] {EscalationProcess.RESOLUTION, EscalationProcess.NOTE, EscalationProcess.ACTION_PLAN}) {
            task.setVariableLocal(field, null);
        }
        boolean topLevel = EscalationProcess.LEVEL.required(task) >= Escalation.TOP_LEVEL;
        task.setVariableLocal(EscalationProcess.TOP_LEVEL, topLevel);
        task.setVariableLocal(EscalationProcess.RESPONSE, topLevel ? "RESOLVE" : null);
    }
}
