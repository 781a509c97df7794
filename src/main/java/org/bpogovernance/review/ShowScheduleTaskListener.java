package org.bpogovernance.review;

import static org.bpogovernance.review.ReviewCallProcess.REVIEW_ID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Creating "Schedule the review call" suggests a date, the time, the length, the decided format and
 * the place, and slots for a poll inside everyone's working hours; after a poll that found no time
 * twice, it says so and offers one time only.
 */
@Component
class ShowScheduleTaskListener implements TaskListener {

    private final ReviewService reviewService;
    private final PollSlots slots;
    private final PollReadings readings;
    private final SchedulingPollService polls;

    ShowScheduleTaskListener(ReviewService reviewService, SchedulingPollService polls, PollReadings readings, PollSlots slots) {
        this.slots = slots;
        this.readings = readings;
        this.reviewService = reviewService;
        this.polls = polls;
    }

    @Override
    public void notify(DelegateTask task) {
        Long reviewId = REVIEW_ID.required(task);
        var proposal = reviewService.proposal(reviewId, ReviewCallProcess.MEETING_FORMAT.from(task));
        task.setVariableLocal(ReviewCallProcess.CALL_DATE, proposal.date().toString());
        task.setVariableLocal(ReviewCallProcess.CALL_TIME, proposal.time().toString());
        task.setVariableLocal(ReviewCallProcess.CALL_MINUTES, proposal.minutes());
        task.setVariableLocal(ReviewCallProcess.CALL_FORMAT, proposal.format());
        task.setVariableLocal(ReviewCallProcess.CALL_SITE, proposal.site());
        task.setVariableLocal(ReviewCallProcess.CALL_LINK, proposal.link());
        task.setVariableLocal(ReviewCallProcess.CALL_HOST, proposal.host());
        task.setVariableLocal(ReviewCallProcess.CALL_TRAVEL, proposal.instructions());
        task.setVariableLocal(ReviewCallProcess.OPERATIONS_VISIT, false);
        task.setVariableLocal(ReviewCallProcess.SCHEDULING, "ONE_TIME");
        boolean pollFailed = polls.hasFailedTwice(reviewId);
        task.setVariableLocal(ReviewCallProcess.POLL_SLOTS, pollFailed ? null : slots.suggestions(reviewId, proposal.minutes()));
        task.setVariableLocal(ReviewCallProcess.POLL_NOTE, pollFailed ? "The scheduling poll found no slot that both the client "
                + "representative and the provider manager can attend, in two rounds. Pick the time; the participants then "
                + "confirm or decline as usual.\n\n" + readings.tally(polls.latest(reviewId).getId(), null) : null);
    }
}
