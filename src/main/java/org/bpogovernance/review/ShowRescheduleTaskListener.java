package org.bpogovernance.review;

import static org.bpogovernance.review.ReviewCallProcess.REVIEW_ID;

import org.bpogovernance.platform.FormValues;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Creating "Reschedule the review call" shows who answered what, and suggests the same slot a week later. */
@Component
class ShowRescheduleTaskListener implements TaskListener {

    private final ReviewService reviewService;

    ShowRescheduleTaskListener(ReviewService reviewService) {
        this.reviewService = reviewService;
    }

    @Override
    public void notify(DelegateTask task) {
        Long reviewId = REVIEW_ID.required(task);
        var starts = java.time.OffsetDateTime.parse(ReviewCallProcess.CALL_STARTS_AT.required(task))
                .atZoneSameInstant(reviewService.zoneOf(reviewId)).plusWeeks(1);
        task.setVariableLocal(ReviewCallProcess.RESPONSES, FormValues.shown(reviewService.responses(reviewId)));
        task.setVariableLocal(ReviewCallProcess.CALL_DATE, starts.toLocalDate().toString());
        task.setVariableLocal(ReviewCallProcess.CALL_TIME, starts.toLocalTime().toString());
        task.setVariableLocal(ReviewCallProcess.CALL_MINUTES, reviewService.find(reviewId).getMeetingMinutes());
        task.setVariableLocal(ReviewCallProcess.CALL_LOCATION, reviewService.callLocation(reviewId));
    }
}
