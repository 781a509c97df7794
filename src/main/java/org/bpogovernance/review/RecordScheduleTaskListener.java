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
 * Completing "Schedule the review call" either sends the invites with the agenda for the one time
 * picked (the participants then answer), or opens a scheduling poll over the proposed slots.
 */
@Component
class RecordScheduleTaskListener implements TaskListener {

    private final ReviewService reviewService;
    private final SchedulingPollService polls;
    private final CurrentUser currentUser;

    RecordScheduleTaskListener(ReviewService reviewService, SchedulingPollService polls, CurrentUser currentUser) {
        this.reviewService = reviewService;
        this.polls = polls;
        this.currentUser = currentUser;
    }

    @Override
    public void notify(DelegateTask task) {
        String mode = FormValues.text(FormValues.submitted(task, ReviewCallProcess.SCHEDULING));
        if ("POLL".equals(mode)) {
            SchedulingPollService.Opened opened = UserInput.check(() -> polls.open(REVIEW_ID.required(task),
                    currentUser.id().orElse(task.getAssignee()),
                    FormValues.text(FormValues.submitted(task, ReviewCallProcess.POLL_SLOTS)),
                    FormValues.wholeNumberOrNull(ReviewCallProcess.CALL_MINUTES, FormValues.submitted(task, ReviewCallProcess.CALL_MINUTES)),
                    FormValues.text(FormValues.submitted(task, ReviewCallProcess.CALL_FORMAT)),
                    FormValues.text(FormValues.submitted(task, ReviewCallProcess.CALL_SITE)),
                    FormValues.text(FormValues.submitted(task, ReviewCallProcess.CALL_LINK)), ReviewCallProcess.onSite(task)));
            ReviewCallProcess.TIME_BY_POLL.set(task.getExecution(), true);
            ReviewCallProcess.pollOpened(task.getExecution(), opened);
            return;
        }
        if (mode != null && !"ONE_TIME".equals(mode)) {
            UserInput.check(() -> {
                throw new InvalidInputException(ReviewCallProcess.SCHEDULING, "must be ONE_TIME (pick one time) or POLL");
            });
        }
        ReviewService.Scheduled scheduled = UserInput.check(() -> reviewService.schedule(REVIEW_ID.required(task),
                FormValues.date(ReviewCallProcess.CALL_DATE, FormValues.submitted(task, ReviewCallProcess.CALL_DATE)),
                FormValues.time(ReviewCallProcess.CALL_TIME, FormValues.submitted(task, ReviewCallProcess.CALL_TIME)),
                FormValues.wholeNumberOrNull(ReviewCallProcess.CALL_MINUTES, FormValues.submitted(task, ReviewCallProcess.CALL_MINUTES)),
                FormValues.text(FormValues.submitted(task, ReviewCallProcess.CALL_FORMAT)),
                FormValues.text(FormValues.submitted(task, ReviewCallProcess.CALL_SITE)),
                FormValues.text(FormValues.submitted(task, ReviewCallProcess.CALL_LINK)), ReviewCallProcess.onSite(task)));
        ReviewCallProcess.TIME_BY_POLL.set(task.getExecution(), false);
        ReviewCallProcess.callScheduled(task.getExecution(), scheduled);
    }
}
