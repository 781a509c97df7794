package org.bpogovernance.review;

import static org.bpogovernance.review.ReviewCallProcess.REVIEW_ID;

import org.bpogovernance.platform.FormValues;
import org.bpogovernance.platform.UserInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completing "Reschedule the review call" moves the call; invites update and everyone answers again. */
@Component
class RecordRescheduleTaskListener implements TaskListener {

    private final ReviewService reviewService;

    RecordRescheduleTaskListener(ReviewService reviewService) {
        this.reviewService = reviewService;
    }

    @Override
    public void notify(DelegateTask task) {
        ReviewService.Scheduled scheduled = UserInput.check(() -> reviewService.reschedule(REVIEW_ID.required(task),
                FormValues.date(ReviewCallProcess.CALL_DATE, FormValues.submitted(task, ReviewCallProcess.CALL_DATE)),
                FormValues.time(ReviewCallProcess.CALL_TIME, FormValues.submitted(task, ReviewCallProcess.CALL_TIME)),
                FormValues.wholeNumberOrNull(ReviewCallProcess.CALL_MINUTES, FormValues.submitted(task, ReviewCallProcess.CALL_MINUTES)),
                FormValues.text(FormValues.submitted(task, ReviewCallProcess.CALL_LOCATION))));
        ReviewCallProcess.callScheduled(task.getExecution(), scheduled);
    }
}
