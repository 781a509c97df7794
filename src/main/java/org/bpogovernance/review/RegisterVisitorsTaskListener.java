package org.bpogovernance.review;

import static org.bpogovernance.review.ReviewCallProcess.REVIEW_ID;

import org.bpogovernance.platform.FormValues;
import org.bpogovernance.platform.InvalidInputException;
import org.bpogovernance.platform.UserInput;
import org.bpogovernance.security.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Register the visitors": created, it lists who comes to the site (name, company, arrival);
 * completed, it records that the host registered them, with the host's note.
 */
@Component
class RegisterVisitorsTaskListener implements TaskListener {

    private final OnSiteVisits visits;
    private final CurrentUser currentUser;

    RegisterVisitorsTaskListener(OnSiteVisits visits, CurrentUser currentUser) {
        this.visits = visits;
        this.currentUser = currentUser;
    }

    @Override
    public void notify(DelegateTask task) {
        Long reviewId = REVIEW_ID.required(task);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setVariableLocal(ReviewCallProcess.VISITORS, FormValues.shown(visits.visitors(reviewId)));
            task.setVariableLocal(ReviewCallProcess.VISITORS_NOTE, null);
            task.setVariableLocal(ReviewCallProcess.VISITORS_REGISTERED, false);
            return;
        }
        UserInput.check(() -> {
            if (!Boolean.TRUE.equals(FormValues.bool(FormValues.submitted(task, ReviewCallProcess.VISITORS_REGISTERED)))) {
                throw new InvalidInputException(ReviewCallProcess.VISITORS_REGISTERED, "is required: register the visitors with the reception first");
            }
            String note = FormValues.text(FormValues.submitted(task, ReviewCallProcess.VISITORS_NOTE));
            if (note != null && note.length() > 1000) {
                throw new InvalidInputException(ReviewCallProcess.VISITORS_NOTE, "must be at most 1000 characters");
            }
            visits.registered(reviewId, currentUser.id().orElse(task.getAssignee()), note);
        });
    }
}
