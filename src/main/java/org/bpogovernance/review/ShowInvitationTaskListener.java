package org.bpogovernance.review;

import static org.bpogovernance.review.ReviewCallProcess.REVIEW_ID;

import org.bpogovernance.platform.FormValues;
import org.bpogovernance.security.PersonProfiles;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Creating (or reassigning) "Confirm attendance" shows the participant when (in their own zone too)
 * and where the call is, and its agenda: written for whoever has the task now.
 */
@Component
class ShowInvitationTaskListener implements TaskListener {

    private final ReviewService reviewService;
    private final PersonProfiles profiles;

    ShowInvitationTaskListener(ReviewService reviewService, PersonProfiles profiles) {
        this.reviewService = reviewService;
        this.profiles = profiles;
    }

    @Override
    public void notify(DelegateTask task) {
        task.setVariableLocal(ReviewCallProcess.INVITATION, FormValues.shown(reviewService.invitationText(REVIEW_ID.required(task),
                profiles.zoneOf(task.getAssignee()).orElse(null))));
        task.setVariableLocal(ReviewCallProcess.RESPONSE, null);
        task.setVariableLocal(ReviewCallProcess.RESPONSE_NOTE, null);
    }
}
