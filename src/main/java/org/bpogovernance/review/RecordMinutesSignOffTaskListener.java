package org.bpogovernance.review;

import static org.bpogovernance.review.ReviewCallProcess.REVIEW_ID;

import org.bpogovernance.engagement.Side;
import org.bpogovernance.platform.FormValues;
import org.bpogovernance.platform.UserInput;
import org.bpogovernance.security.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completing a sign-off task records that party's decision; only the named signer decides, whoever holds the task. */
@Component
class RecordMinutesSignOffTaskListener implements TaskListener {

    private final MinutesService minutesService;
    private final CurrentUser currentUser;

    RecordMinutesSignOffTaskListener(MinutesService minutesService, CurrentUser currentUser) {
        this.minutesService = minutesService;
        this.currentUser = currentUser;
    }

    @Override
    public void notify(DelegateTask task) {
        Side side = Side.valueOf(ReviewCallProcess.SIGN_OFF_SIDE.required(task));
        UserInput.check(() -> minutesService.decide(REVIEW_ID.required(task), side, currentUser.id().orElse(task.getAssignee()),
                FormValues.text(FormValues.submitted(task, ReviewCallProcess.SIGN_OFF_DECISION)),
                FormValues.text(FormValues.submitted(task, ReviewCallProcess.SIGN_OFF_REASON)),
                FormValues.text(FormValues.submitted(task, ReviewCallProcess.SIGN_OFF_NEXT_STEP))));
    }
}
