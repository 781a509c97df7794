package org.bpogovernance.reporting;

import static org.bpogovernance.engagement.EngagementVariables.ENGAGEMENT_NAME;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tasklist's filters show the engagement a task is for. Participants may read their tasks but
 * not the processes behind them, so the name is copied onto each task when it is created.
 */
@Component
class TaskEngagementLabel {

    @EventListener(condition = "#task.eventName == 'create'")
    public void on(DelegateTask task) {
        String engagementName = ENGAGEMENT_NAME.from(task);
        if (engagementName != null) {
            task.setVariableLocal(ENGAGEMENT_NAME.name(), engagementName);
        }
    }
}
