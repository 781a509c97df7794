package org.bpogovernance.notification;

import static org.bpogovernance.engagement.EngagementVariables.ENGAGEMENT_ID;
import static org.bpogovernance.engagement.EngagementVariables.ENGAGEMENT_NAME;

import java.util.HashMap;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A mail for every task a person gets: the Camunda starter publishes each task event as a
 * Spring event inside the engine's transaction, so the mail is queued exactly when the task
 * is created or (re)assigned, and not at all if that step rolls back.
 */
@Component
class TaskNotifications {

    private final Notifications notifications;
    private final TaskRecipients recipients;
    private final TaskMails mails;
    private final List<TaskMailChoices> choices;

    TaskNotifications(Notifications notifications, TaskRecipients recipients, TaskMails mails,
            List<TaskMailChoices> choices) {
        this.notifications = notifications;
        this.recipients = recipients;
        this.mails = mails;
        this.choices = choices;
    }

    @EventListener(condition = "#task.eventName == 'create' or #task.eventName == 'assignment'")
    public void on(DelegateTask task) {
        if (TaskListener.EVENTNAME_ASSIGNMENT.equals(task.getEventName()) && task.getAssignee() == null) {
            return;
        }
        var model = mails.model(task.getId(), task.getName(), task.getDescription(), task.getDueDate(),
                ENGAGEMENT_ID.from(task), ENGAGEMENT_NAME.from(task));
        var mailed = new TaskMailChoices.MailedTask(task.getTaskDefinitionKey(), task::getVariable);
        for (String user : recipients.of(task.getAssignee(), task.getCandidates())) {
            var mail = new HashMap<>(model);
            mail.put("choices", choices.stream().flatMap(source -> source.of(mailed, user).stream()).toList());
            notifications.notifyUser("task-assigned:" + task.getId() + ":" + user, Notifications.Kind.TASK_ASSIGNED,
                    ENGAGEMENT_ID.from(task), user, mail);
        }
    }
}
