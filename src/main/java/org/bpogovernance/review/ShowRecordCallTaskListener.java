package org.bpogovernance.review;

import static org.bpogovernance.review.ReviewCallProcess.REVIEW_ID;

import org.bpogovernance.platform.FormValues;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Creating "Record the call" shows the day and format of the call, lists the invitees with their
 * answers, the open milestones and the people to choose from.
 */
@Component
class ShowRecordCallTaskListener implements TaskListener {

    private final MinutesService minutesService;
    private final ReviewService reviewService;

    ShowRecordCallTaskListener(MinutesService minutesService, ReviewService reviewService) {
        this.minutesService = minutesService;
        this.reviewService = reviewService;
    }

    @Override
    public void notify(DelegateTask task) {
        Long reviewId = REVIEW_ID.required(task);
        Review review = reviewService.find(reviewId);
        MinutesService.CallHeld call = minutesService.callHeld(reviewId);
        task.setVariableLocal(ReviewCallProcess.CALL_DAY, call.day().toString());
        task.setVariableLocal(ReviewCallProcess.CALL_FORMAT, call.format() == null ? "no meeting" : call.format());
        task.setVariableLocal(ReviewCallProcess.ATTENDANCE, FormValues.shown(ReviewForms.presenceText(minutesService.presenceLines(reviewId))));
        task.setVariableLocal(ReviewCallProcess.MILESTONE_UPDATES,
                FormValues.shown(ReviewForms.milestoneText(minutesService.milestoneLines(review.getEngagementId()))));
        task.setVariableLocal(ReviewCallProcess.ACTION_ITEMS, FormValues.shown(ReviewForms.actionText(minutesService.proposedActions(reviewId))));
        task.setVariableLocal(ReviewCallProcess.TRAVEL, null);
        task.setVariableLocal(ReviewCallProcess.PARTICIPANTS, FormValues.shown(reviewService.participants(review.getEngagementId())));
        ReviewCallProcess.minutesFieldsOn(task, null);
    }
}
