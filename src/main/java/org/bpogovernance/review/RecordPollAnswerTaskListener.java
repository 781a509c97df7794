package org.bpogovernance.review;

import java.util.HashMap;
import java.util.Map;
import org.bpogovernance.platform.FormValues;
import org.bpogovernance.platform.UserInput;
import org.bpogovernance.security.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completing "Answer the scheduling poll" records the person's answer to each slot (those given
 * from the mail stay); nobody answers for someone else, nor after the poll closed.
 */
@Component
class RecordPollAnswerTaskListener implements TaskListener {

    private final SchedulingPollService polls;
    private final CurrentUser currentUser;

    RecordPollAnswerTaskListener(SchedulingPollService polls, CurrentUser currentUser) {
        this.polls = polls;
        this.currentUser = currentUser;
    }

    @Override
    public void notify(DelegateTask task) {
        Map<Integer, String> answers = new HashMap<>();
        for (int n = 1; n <= PollSlots.MAX_SLOTS; n++) {
            answers.put(n, FormValues.text(FormValues.submitted(task, ReviewCallProcess.POLL_ANSWER + n)));
        }
        String respondent = ReviewCallProcess.POLL_RESPONDENT.required(task);
        UserInput.check(() -> polls.answer(ReviewCallProcess.POLL_ID.required(task), respondent,
                currentUser.id().orElse(task.getAssignee()), answers));
    }
}
