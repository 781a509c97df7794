package org.bpogovernance.review;

import static org.bpogovernance.review.ReviewCallProcess.REVIEW_ID;

import org.bpogovernance.platform.FormValues;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Creating "Confirm attendance" shows the participant when and where the call is, and its agenda. */
@Component
class ShowInvitationTaskListener implements TaskListener {

    private final ReviewService reviewService;

    ShowInvitationTaskListener(ReviewService reviewService) {
        this.reviewService = reviewService;
    }

    @Override
    public void notify(DelegateTask task) {
        task.setVariableLocal(ReviewCallProcess.INVITATION, FormValues.shown(reviewService.invitationText(REVIEW_ID.required(task))));
        task.setVariableLocal(ReviewCallProcess.RESPONSE, null);
        task.setVariableLocal(ReviewCallProcess.RESPONSE_NOTE, null);
    }
}
