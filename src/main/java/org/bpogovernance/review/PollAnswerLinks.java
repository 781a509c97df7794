package org.bpogovernance.review;

import java.util.ArrayList;
import java.util.List;
import org.bpogovernance.notification.TaskMailChoices;
import org.springframework.stereotype.Component;

/**
 * The one-click answers in the mail of "Answer the scheduling poll": for the person asked only (not
 * for someone the task was passed to), made when the mail is written.
 */
@Component
class PollAnswerLinks implements TaskMailChoices {

    private final PollReadings readings;

    PollAnswerLinks(PollReadings readings) {
        this.readings = readings;
    }

    @Override
    public List<Choice> of(MailedTask task, String recipient) {
        if (!ReviewCallProcess.ANSWER_POLL_TASK.equals(task.definitionKey())
                || !recipient.equals(task.variable().apply(ReviewCallProcess.POLL_RESPONDENT.name()))) {
            return List.of();
        }
        List<Choice> choices = new ArrayList<>();
        readings.linksFor((Long) task.variable().apply(ReviewCallProcess.POLL_ID.name()), recipient)
                .forEach((slot, links) -> links.forEach((answer, url) -> choices.add(
                        new Choice("Slot " + slot + ": " + answer.words(), url))));
        return choices;
    }
}
