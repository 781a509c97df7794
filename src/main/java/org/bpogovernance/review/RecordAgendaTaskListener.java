package org.bpogovernance.review;

import static org.bpogovernance.review.ReviewCallProcess.REVIEW_ID;

import org.bpogovernance.platform.FormLines;
import org.bpogovernance.platform.FormValues;
import org.bpogovernance.platform.UserInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completing "Prepare the agenda" records the objectives and the items; the timeboxes must fit the call. */
@Component
class RecordAgendaTaskListener implements TaskListener {

    private final ReviewService reviewService;

    RecordAgendaTaskListener(ReviewService reviewService) {
        this.reviewService = reviewService;
    }

    @Override
    public void notify(DelegateTask task) {
        UserInput.check(() -> {
            var items = ReviewForms.agenda(FormValues.submitted(task, ReviewCallProcess.AGENDA_ITEMS));
            return FormLines.namingLines(ReviewCallProcess.AGENDA_ITEMS, items.lineNumbers(), items.unreadable(), () -> reviewService.prepareAgenda(
                    REVIEW_ID.required(task), FormValues.text(FormValues.submitted(task, ReviewCallProcess.OBJECTIVES)), items.entries()));
        });
    }
}
