package org.bpogovernance.review;

import org.bpogovernance.platform.FormValues;
import org.bpogovernance.platform.UserInput;
import org.bpogovernance.security.CurrentUser;
import org.bpogovernance.security.PersonProfiles;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Pick the slot" (several slots are equally good): created, it shows each slot's answers; completed,
 * it takes the officer's pick, which may be any slot of the round.
 */
@Component
class PickSlotTaskListener implements TaskListener {

    private final SchedulingPollService polls;
    private final PollReadings readings;
    private final PersonProfiles profiles;
    private final CurrentUser currentUser;

    PickSlotTaskListener(SchedulingPollService polls, PersonProfiles profiles, CurrentUser currentUser, PollReadings readings) {
        this.readings = readings;
        this.polls = polls;
        this.profiles = profiles;
        this.currentUser = currentUser;
    }

    @Override
    public void notify(DelegateTask task) {
        Long pollId = ReviewCallProcess.POLL_ID.required(task);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setVariableLocal(ReviewCallProcess.POLL_TALLY, FormValues.shown(readings.tally(pollId,
                    task.getAssignee() == null ? null : profiles.zoneOf(task.getAssignee()).orElse(null))));
            task.setVariableLocal(ReviewCallProcess.POLL_CHOICE, null);
            return;
        }
        UserInput.check(() -> polls.pick(pollId, currentUser.id().orElse(task.getAssignee()),
                FormValues.wholeNumberOrNull(ReviewCallProcess.POLL_CHOICE, FormValues.submitted(task, ReviewCallProcess.POLL_CHOICE))));
    }
}
