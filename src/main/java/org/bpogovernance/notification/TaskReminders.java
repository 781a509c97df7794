package org.bpogovernance.notification;

import static org.bpogovernance.engagement.EngagementVariables.ENGAGEMENT_ID;
import static org.bpogovernance.engagement.EngagementVariables.ENGAGEMENT_NAME;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminders before a task's due date (at each lead time in {@code reminder-lead-times}) and a
 * notice once it is overdue. The task-reminders process runs this on its timer; every mail has
 * a dedup key that includes the due date, so each goes out once, and again if the date moves.
 */
@Service
class TaskReminders {

    private static final int PAGE = 500;

    private final TaskService taskService;
    private final Notifications notifications;
    private final TaskRecipients recipients;
    private final TaskMails mails;
    private final NotificationSettings settings;
    private final Clock clock;

    TaskReminders(TaskService taskService, Notifications notifications, TaskRecipients recipients, TaskMails mails,
            NotificationSettings settings, Clock clock) {
        this.taskService = taskService;
        this.notifications = notifications;
        this.recipients = recipients;
        this.mails = mails;
        this.settings = settings;
        this.clock = clock;
    }

    /** Queues every reminder and overdue notice that is due now; returns how many were queued. */
    @Transactional
    public int sendDue() {
        Instant now = Instant.now(clock);
        List<Duration> leads = settings.reminderLeadTimes().stream().sorted().toList();
        Duration longest = leads.get(leads.size() - 1);
        TaskQuery dueSoon = taskService.createTaskQuery().active()
                .dueAfter(Date.from(now)).dueBefore(Date.from(now.plus(longest)));
        // One reminder per lead time, for the tightest lead the due date falls within: a task due
        // in three hours gets the four-hour reminder, not the two-day one as well.
        int queued = queue(dueSoon, Notifications.Kind.TASK_REMINDER,
                task -> "task-reminder:" + tightestLead(leads, now, task.getDueDate().toInstant()) + ":");
        queued += queue(taskService.createTaskQuery().active().dueBefore(Date.from(now)),
                Notifications.Kind.TASK_OVERDUE, task -> "task-overdue:");
        return queued;
    }

    private static Duration tightestLead(List<Duration> ascending, Instant now, Instant due) {
        return ascending.stream().filter(lead -> !due.isAfter(now.plus(lead))).findFirst()
                .orElse(ascending.get(ascending.size() - 1));
    }

    private int queue(TaskQuery query, String kind, java.util.function.Function<Task, String> keyPrefix) {
        int queued = 0;
        for (int first = 0; ; first += PAGE) {
            List<Task> tasks = query.orderByTaskId().asc().listPage(first, PAGE);
            for (Task task : tasks) {
                Map<String, Object> variables = taskService.getVariables(task.getId(),
                        List.of(ENGAGEMENT_ID.name(), ENGAGEMENT_NAME.name()));
                Long engagementId = variables.get(ENGAGEMENT_ID.name()) instanceof Number n ? n.longValue() : null;
                var model = mails.model(task.getId(), task.getName(), task.getDescription(), task.getDueDate(),
                        engagementId, (String) variables.get(ENGAGEMENT_NAME.name()));
                for (String user : recipients.of(task.getAssignee(), taskService.getIdentityLinksForTask(task.getId()))) {
                    String key = keyPrefix.apply(task) + task.getId() + ":" + task.getDueDate().getTime() + ":" + user;
                    if (notifications.notifyUser(key, kind, engagementId, user, model).isPresent()) {
                        queued++;
                    }
                }
            }
            if (tasks.size() < PAGE) {
                return queued;
            }
        }
    }
}
