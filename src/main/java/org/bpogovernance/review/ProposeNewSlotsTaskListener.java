package org.bpogovernance.review;

import static org.bpogovernance.review.ReviewCallProcess.REVIEW_ID;

import org.bpogovernance.platform.FormValues;
import org.bpogovernance.platform.UserInput;
import org.bpogovernance.security.CurrentUser;
import org.bpogovernance.security.PersonProfiles;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Propose new slots" (no slot suited the quorum): created, it shows the round's answers and
 * suggests other slots; completed, it opens the poll's second and last round.
 */
@Component
class ProposeNewSlotsTaskListener implements TaskListener {

    private final SchedulingPollService polls;
    private final PollSlots slots;
    private final PollReadings readings;
    private final PersonProfiles profiles;
    private final CurrentUser currentUser;

    ProposeNewSlotsTaskListener(SchedulingPollService polls, PersonProfiles profiles, CurrentUser currentUser, PollReadings readings, PollSlots slots) {
        this.slots = slots;
        this.readings = readings;
        this.polls = polls;
        this.profiles = profiles;
        this.currentUser = currentUser;
    }

    @Override
    public void notify(DelegateTask task) {
        Long reviewId = REVIEW_ID.required(task);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            SchedulingPoll last = polls.latest(reviewId);
            task.setVariableLocal(ReviewCallProcess.POLL_TALLY, FormValues.shown(readings.tally(last.getId(),
                    task.getAssignee() == null ? null : profiles.zoneOf(task.getAssignee()).orElse(null))));
            task.setVariableLocal(ReviewCallProcess.POLL_SLOTS, slots.suggestions(reviewId, last.getMinutes()));
            return;
        }
        SchedulingPollService.Opened opened = UserInput.check(() -> polls.openNextRound(reviewId,
                currentUser.id().orElse(task.getAssignee()),
                FormValues.text(FormValues.submitted(task, ReviewCallProcess.POLL_SLOTS))));
        ReviewCallProcess.pollOpened(task.getExecution(), opened);
    }
}
