package org.bpogovernance.review;

import static org.bpogovernance.review.ReviewCallProcess.REVIEW_ID;

import org.bpogovernance.platform.FormValues;
import org.bpogovernance.platform.UserInput;
import org.bpogovernance.security.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completing "Rate the review call" records the client's satisfaction, 1 to 5, for the renewal summary. */
@Component
class RecordSatisfactionTaskListener implements TaskListener {

    private final MinutesService minutesService;
    private final CurrentUser currentUser;

    RecordSatisfactionTaskListener(MinutesService minutesService, CurrentUser currentUser) {
        this.minutesService = minutesService;
        this.currentUser = currentUser;
    }

    @Override
    public void notify(DelegateTask task) {
        UserInput.check(() -> minutesService.rate(REVIEW_ID.required(task), currentUser.id().orElse(task.getAssignee()),
                FormValues.wholeNumberOrNull(ReviewCallProcess.SATISFACTION_SCORE,
                        FormValues.submitted(task, ReviewCallProcess.SATISFACTION_SCORE)),
                FormValues.text(FormValues.submitted(task, ReviewCallProcess.SATISFACTION_COMMENT))));
    }
}
