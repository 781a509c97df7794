package org.bpogovernance.review;

import static org.bpogovernance.review.ReviewCallProcess.REVIEW_ID;

import org.bpogovernance.platform.UserInput;
import org.bpogovernance.security.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completing "Record the call" records attendance, minutes, milestone updates and new action items. */
@Component
class RecordCallTaskListener implements TaskListener {

    private final MinutesService minutesService;
    private final CurrentUser currentUser;

    RecordCallTaskListener(MinutesService minutesService, CurrentUser currentUser) {
        this.minutesService = minutesService;
        this.currentUser = currentUser;
    }

    @Override
    public void notify(DelegateTask task) {
        UserInput.check(() -> minutesService.record(REVIEW_ID.required(task), currentUser.id().orElse(task.getAssignee()),
                ReviewForms.presence(task.getVariable(ReviewCallProcess.ATTENDANCE)), ReviewForms.text(task),
                ReviewForms.milestoneUpdates(task.getVariable(ReviewCallProcess.MILESTONE_UPDATES)),
                ReviewForms.actions(task.getVariable(ReviewCallProcess.ACTION_ITEMS))));
    }
}
