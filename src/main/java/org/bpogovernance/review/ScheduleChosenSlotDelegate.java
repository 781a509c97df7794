package org.bpogovernance.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Schedule the chosen slot": the invites go out for the poll's slot; the poll's answers are the attendance. */
@Component
class ScheduleChosenSlotDelegate implements JavaDelegate {

    private final SchedulingPollService polls;

    ScheduleChosenSlotDelegate(SchedulingPollService polls) {
        this.polls = polls;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ReviewCallProcess.callScheduled(execution, polls.scheduleChosen(ReviewCallProcess.POLL_ID.required(execution)));
    }
}
