package org.bpogovernance.review;

import static org.bpogovernance.review.ReviewCallProcess.REVIEW_ID;

import org.bpogovernance.platform.FormValues;
import org.bpogovernance.platform.UserInput;
import org.bpogovernance.security.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completing "Confirm attendance" records the participant's answer; nobody answers for someone else. */
@Component
class RecordAttendanceResponseTaskListener implements TaskListener {

    private final ReviewService reviewService;
    private final CurrentUser currentUser;

    RecordAttendanceResponseTaskListener(ReviewService reviewService, CurrentUser currentUser) {
        this.reviewService = reviewService;
        this.currentUser = currentUser;
    }

    @Override
    public void notify(DelegateTask task) {
        String invitee = ReviewCallProcess.INVITEE.required(task);
        UserInput.check(() -> reviewService.respond(REVIEW_ID.required(task), invitee,
                currentUser.id().orElse(task.getAssignee()),
                FormValues.text(FormValues.submitted(task, ReviewCallProcess.RESPONSE)),
                FormValues.text(FormValues.submitted(task, ReviewCallProcess.RESPONSE_NOTE))));
    }
}
