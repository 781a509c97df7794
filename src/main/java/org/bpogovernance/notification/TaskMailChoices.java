package org.bpogovernance.notification;

import java.util.List;
import java.util.function.Function;

/**
 * Answers a person may give straight from a task's mail, one link each (the link still needs their
 * login). A module that offers such answers for its tasks provides a bean; the links are made when
 * the mail is written, for its one recipient, and are never kept in the engine (its variables and
 * history are readable by others on the engagement).
 */
public interface TaskMailChoices {

    /** One answer and the link that gives it. */
    record Choice(String label, String url) {
    }

    /** The task being mailed: its step (the BPMN id) and its variables by name. */
    record MailedTask(String definitionKey, Function<String, Object> variable) {
    }

    /** The answers the recipient may give from the mail of this task; empty for most tasks and people. */
    List<Choice> of(MailedTask task, String recipient);
}
