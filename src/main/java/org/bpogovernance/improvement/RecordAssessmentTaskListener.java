package org.bpogovernance.improvement;

import org.bpogovernance.engagement.Side;
import org.bpogovernance.platform.FormValues;
import org.bpogovernance.platform.UserInput;
import org.bpogovernance.security.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completing "Assess as the client" or "Assess as the provider": that side's verdict and why. */
@Component
class RecordAssessmentTaskListener implements TaskListener {

    static final String CLIENT_TASK = "userTask_assessAsClient";

    private final InitiativeService initiatives;
    private final CurrentUser currentUser;

    RecordAssessmentTaskListener(InitiativeService initiatives, CurrentUser currentUser) {
        this.initiatives = initiatives;
        this.currentUser = currentUser;
    }

    @Override
    public void notify(DelegateTask task) {
        Side side = CLIENT_TASK.equals(task.getTaskDefinitionKey()) ? Side.CLIENT : Side.PROVIDER;
        UserInput.check(() -> initiatives.assess(InitiativeProcess.INITIATIVE_ID.required(task), side,
                currentUser.id().orElse(task.getAssignee()),
                FormValues.text(FormValues.submitted(task, InitiativeProcess.VERDICT)),
                FormValues.text(FormValues.submitted(task, InitiativeProcess.ASSESSMENT_COMMENT))));
    }
}
