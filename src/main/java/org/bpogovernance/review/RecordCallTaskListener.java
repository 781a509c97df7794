package org.bpogovernance.review;

import static org.bpogovernance.review.ReviewCallProcess.REVIEW_ID;

import java.util.List;
import java.util.Map;
import org.bpogovernance.platform.FormLines;
import org.bpogovernance.platform.FormValues;
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
        UserInput.check(() -> {
            var presence = ReviewForms.presence(FormValues.submitted(task, ReviewCallProcess.ATTENDANCE));
            var milestones = ReviewForms.milestoneUpdates(FormValues.submitted(task, ReviewCallProcess.MILESTONE_UPDATES));
            var actions = ReviewForms.actions(FormValues.submitted(task, ReviewCallProcess.ACTION_ITEMS));
            var travel = ReviewForms.travel(FormValues.submitted(task, ReviewCallProcess.TRAVEL));
            return FormLines.namingLines(ReviewForms.lines(Map.of(ReviewCallProcess.ATTENDANCE, presence,
                    ReviewCallProcess.MILESTONE_UPDATES, milestones, ReviewCallProcess.ACTION_ITEMS, actions,
                    ReviewCallProcess.TRAVEL, travel)),
                    ReviewForms.unreadable(List.of(presence, milestones, actions, travel)),
                    () -> minutesService.record(REVIEW_ID.required(task), currentUser.id().orElse(task.getAssignee()),
                            presence.entries(), ReviewForms.text(task), milestones.entries(), actions.entries(),
                            travel.entries()));
        });
    }
}
