package org.bpogovernance.review;

import static org.bpogovernance.review.ReviewCallProcess.REVIEW_ID;

import org.bpogovernance.platform.FormValues;
import org.bpogovernance.platform.UserInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completing "Schedule the review call" sends the invites with the agenda; the participants then answer. */
@Component
class RecordScheduleTaskListener implements TaskListener {

    private final ReviewService reviewService;

    RecordScheduleTaskListener(ReviewService reviewService) {
        this.reviewService = reviewService;
    }

    @Override
    public void notify(DelegateTask task) {
        ReviewService.Scheduled scheduled = UserInput.check(() -> reviewService.schedule(REVIEW_ID.required(task),
                FormValues.date(ReviewCallProcess.CALL_DATE, FormValues.submitted(task, ReviewCallProcess.CALL_DATE)),
                FormValues.time(ReviewCallProcess.CALL_TIME, FormValues.submitted(task, ReviewCallProcess.CALL_TIME)),
                FormValues.wholeNumberOrNull(ReviewCallProcess.CALL_MINUTES, FormValues.submitted(task, ReviewCallProcess.CALL_MINUTES)),
                FormValues.text(FormValues.submitted(task, ReviewCallProcess.CALL_FORMAT)),
                FormValues.text(FormValues.submitted(task, ReviewCallProcess.CALL_SITE)),
                FormValues.text(FormValues.submitted(task, ReviewCallProcess.CALL_LINK))));
        ReviewCallProcess.callScheduled(task.getExecution(), scheduled);
    }
}
