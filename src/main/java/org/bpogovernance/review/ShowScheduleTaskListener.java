package org.bpogovernance.review;

import static org.bpogovernance.review.ReviewCallProcess.REVIEW_ID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Creating "Schedule the review call" suggests a date, the time, the length, the decided format and the place. */
@Component
class ShowScheduleTaskListener implements TaskListener {

    private final ReviewService reviewService;

    ShowScheduleTaskListener(ReviewService reviewService) {
        this.reviewService = reviewService;
    }

    @Override
    public void notify(DelegateTask task) {
        var proposal = reviewService.proposal(REVIEW_ID.required(task), ReviewCallProcess.MEETING_FORMAT.from(task));
        task.setVariableLocal(ReviewCallProcess.CALL_DATE, proposal.date().toString());
        task.setVariableLocal(ReviewCallProcess.CALL_TIME, proposal.time().toString());
        task.setVariableLocal(ReviewCallProcess.CALL_MINUTES, proposal.minutes());
        task.setVariableLocal(ReviewCallProcess.CALL_FORMAT, proposal.format());
        task.setVariableLocal(ReviewCallProcess.CALL_SITE, proposal.site());
        task.setVariableLocal(ReviewCallProcess.CALL_LINK, proposal.link());
    }
}
