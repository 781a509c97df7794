package org.bpogovernance.review;

import static org.bpogovernance.review.ReviewCallProcess.REVIEW_ID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Creating a sign-off task puts the whole record on it for the signer to read. */
@Component
class ShowMinutesTaskListener implements TaskListener {

    private final MinutesService minutesService;

    ShowMinutesTaskListener(MinutesService minutesService) {
        this.minutesService = minutesService;
    }

    @Override
    public void notify(DelegateTask task) {
        task.setVariableLocal(ReviewCallProcess.MINUTES_TEXT, minutesService.minutesText(REVIEW_ID.required(task)));
        task.setVariableLocal(ReviewCallProcess.SIGN_OFF_DECISION, null);
        task.setVariableLocal(ReviewCallProcess.SIGN_OFF_REASON, null);
        task.setVariableLocal(ReviewCallProcess.SIGN_OFF_NEXT_STEP, null);
    }
}
