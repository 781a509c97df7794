package org.bpogovernance.review;

import static org.bpogovernance.review.ReviewCallProcess.REVIEW_ID;

import org.bpogovernance.platform.FormValues;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Creating "Prepare the agenda" puts the draft, the meeting length and the people to choose from on the task. */
@Component
class ShowAgendaTaskListener implements TaskListener {

    private final ReviewService reviewService;

    ShowAgendaTaskListener(ReviewService reviewService) {
        this.reviewService = reviewService;
    }

    @Override
    public void notify(DelegateTask task) {
        Long reviewId = REVIEW_ID.required(task);
        Review review = reviewService.find(reviewId);
        task.setVariableLocal(ReviewCallProcess.AGENDA_ITEMS, FormValues.shown(ReviewForms.agendaText(reviewService.agendaLines(reviewId))));
        task.setVariableLocal(ReviewCallProcess.OBJECTIVES, review.getObjectives());
        task.setVariableLocal(ReviewCallProcess.MEETING_MINUTES, review.getMeetingMinutes());
        task.setVariableLocal(ReviewCallProcess.PARTICIPANTS, FormValues.shown(reviewService.participants(review.getEngagementId())));
    }
}
