package org.bpogovernance.renewal;

import org.bpogovernance.platform.FormValues;
import org.bpogovernance.platform.UserInput;
import org.bpogovernance.security.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completing "Complete the exit item": its owner or an officer reports it done, saying how. */
@Component
class RecordExitItemTaskListener implements TaskListener {

    private final ExitService exitService;
    private final CurrentUser currentUser;

    RecordExitItemTaskListener(ExitService exitService, CurrentUser currentUser) {
        this.exitService = exitService;
        this.currentUser = currentUser;
    }

    @Override
    public void notify(DelegateTask task) {
        UserInput.check(() -> exitService.completeItem(RenewalProcess.EXIT_ITEM_ID.required(task),
                currentUser.id().orElse(task.getAssignee()),
                FormValues.text(FormValues.submitted(task, RenewalProcess.EXIT_ITEM_NOTE))));
    }
}
