package org.bpogovernance.review;

import static org.bpogovernance.review.ReviewCallProcess.REVIEW_ID;

import org.bpogovernance.platform.FormValues;
import org.bpogovernance.platform.PublicUrl;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Creating a sign-off task puts the whole record on it for the signer to read (a form field holds
 * 4000 characters: longer minutes end with the link to the minutes document).
 */
@Component
class ShowMinutesTaskListener implements TaskListener {

    private final MinutesService minutesService;
    private final ReviewService reviewService;
    private final PublicUrl publicUrl;

    ShowMinutesTaskListener(MinutesService minutesService, ReviewService reviewService, PublicUrl publicUrl) {
        this.minutesService = minutesService;
        this.reviewService = reviewService;
        this.publicUrl = publicUrl;
    }

    @Override
    public void notify(DelegateTask task) {
        Long reviewId = REVIEW_ID.required(task);
        Review review = reviewService.find(reviewId);
        task.setVariableLocal(ReviewCallProcess.MINUTES_TEXT, FormValues.shown(minutesService.minutesText(reviewId),
                "The whole minutes: " + publicUrl.get() + "/api/engagements/" + review.getEngagementId() + "/reviews/" + reviewId
                        + "/minutes"));
        task.setVariableLocal(ReviewCallProcess.SIGN_OFF_DECISION, null);
        task.setVariableLocal(ReviewCallProcess.SIGN_OFF_REASON, null);
        task.setVariableLocal(ReviewCallProcess.SIGN_OFF_NEXT_STEP, null);
    }
}
