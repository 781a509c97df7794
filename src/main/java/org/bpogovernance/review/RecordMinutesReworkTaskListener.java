package org.bpogovernance.review;

import static org.bpogovernance.review.ReviewCallProcess.REVIEW_ID;

import java.util.List;
import org.bpogovernance.platform.FormLines;
import org.bpogovernance.platform.FormValues;
import org.bpogovernance.platform.UserInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completing "Rework the minutes" records the new text and action items; both parties sign again. */
@Component
class RecordMinutesReworkTaskListener implements TaskListener {

    private final MinutesService minutesService;
    private final ReviewService reviewService;

    RecordMinutesReworkTaskListener(MinutesService minutesService, ReviewService reviewService) {
        this.minutesService = minutesService;
        this.reviewService = reviewService;
    }

    @Override
    public void notify(DelegateTask task) {
        Long reviewId = REVIEW_ID.required(task);
        Object value = FormValues.submitted(task, ReviewCallProcess.ACTION_ITEMS);
        UserInput.check(() -> {
            var actions = value == null ? null : ReviewForms.actions(value);
            return FormLines.namingLines(ReviewCallProcess.ACTION_ITEMS, actions == null ? null : actions.lineNumbers(),
                    actions == null ? List.of() : actions.unreadable(), () -> minutesService.rework(reviewService.find(reviewId).getEngagementId(), reviewId,
                            ReviewForms.text(task), actions == null ? null : actions.entries()));
        });
    }
}
