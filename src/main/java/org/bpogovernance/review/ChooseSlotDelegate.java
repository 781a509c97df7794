package org.bpogovernance.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Choose the best slot": closes the poll's round and says what follows. */
@Component
class ChooseSlotDelegate implements JavaDelegate {

    private final SchedulingPollService polls;

    ChooseSlotDelegate(SchedulingPollService polls) {
        this.polls = polls;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ReviewCallProcess.POLL_OUTCOME.set(execution, polls.close(ReviewCallProcess.POLL_ID.required(execution)).name());
    }
}
