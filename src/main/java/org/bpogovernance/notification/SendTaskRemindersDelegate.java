package org.bpogovernance.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Send task reminders": the task-reminders process's timer calls it every quarter of an hour. */
@Component
class SendTaskRemindersDelegate implements JavaDelegate {

    private final TaskReminders taskReminders;

    SendTaskRemindersDelegate(TaskReminders taskReminders) {
        this.taskReminders = taskReminders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("remindersQueued", taskReminders.sendDue());
    }
}
