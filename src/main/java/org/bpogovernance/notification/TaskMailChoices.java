package org.bpogovernance.notification;

import java.util.ArrayList;
import java.util.List;

/**
 * Answers a person may give straight from a task's mail, one link each (the link still needs their
 * login): a step puts them on the task, before its mail is written, as a task-local variable.
 */
public final class TaskMailChoices {

    /** The task-local variable: one choice per line, {@code label | url}. */
    public static final String VARIABLE = "mailChoices";

    /** One answer and the link that gives it. */
    public record Choice(String label, String url) {
    }

    private TaskMailChoices() {
    }

    public static String lines(List<Choice> choices) {
        StringBuilder text = new StringBuilder();
        for (Choice choice : choices) {
            text.append(choice.label().replace('|', '/').replace('\n', ' ')).append(" | ").append(choice.url()).append('\n');
        }
        return text.toString();
    }

    static List<Choice> parse(Object value) {
        List<Choice> choices = new ArrayList<>();
        if (value instanceof String text) {
            for (String line : text.split("\n")) {
                int bar = line.lastIndexOf(" | ");
                if (bar > 0) {
                    choices.add(new Choice(line.substring(0, bar), line.substring(bar + 3)));
                }
            }
        }
        return choices;
    }
}
