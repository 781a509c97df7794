package org.bpogovernance.review;

import java.util.List;
import org.bpogovernance.platform.FormValues;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Creating "Answer the scheduling poll" shows the person asked each slot in the engagement's time
 * and theirs, flagged when outside their working hours, and keeps on the task whom it asks (its
 * mail carries that person's one-click answers: {@link PollAnswerLinks}).
 */
@Component
class ShowPollTaskListener implements TaskListener {

    private final PollReadings readings;

    ShowPollTaskListener(PollReadings readings) {
        this.readings = readings;
    }

    @Override
    public void notify(DelegateTask task) {
        Long pollId = ReviewCallProcess.POLL_ID.required(task);
        String respondent = ReviewCallProcess.POLL_RESPONDENT.required(task);
        task.setVariableLocal(ReviewCallProcess.POLL_RESPONDENT.name(), respondent);
        List<String> slots = readings.slotsFor(pollId, respondent);
        for (int n = 1; n <= PollSlots.MAX_SLOTS; n++) {
            task.setVariableLocal(ReviewCallProcess.POLL_SLOT + n, n <= slots.size() ? FormValues.shown(slots.get(n - 1)) : null);
            task.setVariableLocal(ReviewCallProcess.POLL_ANSWER + n, null);
        }
        StringBuilder description = new StringBuilder("When can you take part in the review call? Answer each slot by "
                + readings.closesFor(pollId, respondent) + ".");
        for (int n = 1; n <= slots.size(); n++) {
            description.append("\nSlot ").append(n).append(": ").append(slots.get(n - 1));
        }
        task.setDescription(description.toString());
    }
}
