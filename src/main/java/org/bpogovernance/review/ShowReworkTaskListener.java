package org.bpogovernance.review;

import static org.bpogovernance.review.ReviewCallProcess.REVIEW_ID;

import org.bpogovernance.platform.FormValues;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Creating "Rework the minutes" shows the rejections and the minutes as they stand, to edit. */
@Component
class ShowReworkTaskListener implements TaskListener {

    private final MinutesService minutesService;
    private final ReviewService reviewService;

    ShowReworkTaskListener(MinutesService minutesService, ReviewService reviewService) {
        this.minutesService = minutesService;
        this.reviewService = reviewService;
    }

    @Override
    public void notify(DelegateTask task) {
        Long reviewId = REVIEW_ID.required(task);
        Review review = reviewService.find(reviewId);
        task.setVariableLocal(ReviewCallProcess.REJECTIONS, FormValues.shown(minutesService.rejections(reviewId)));
        ReviewCallProcess.minutesFieldsOn(task, review);
        task.setVariableLocal(ReviewCallProcess.ACTION_ITEMS, FormValues.shown(ReviewForms.actionText(minutesService.proposedActions(reviewId))));
        task.setVariableLocal(ReviewCallProcess.PARTICIPANTS, FormValues.shown(reviewService.participants(review.getEngagementId())));
    }
}
