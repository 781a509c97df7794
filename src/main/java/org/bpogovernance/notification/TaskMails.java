package org.bpogovernance.notification;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.bpogovernance.engagement.EngagementService;
import org.bpogovernance.platform.PeopleDates;
import org.bpogovernance.platform.PublicUrl;
import org.springframework.stereotype.Component;

/**
 * What a task mail says: the task, the engagement, the due date in its time zone (and in the
 * reader's, where they set another), the Tasklist link.
 */
@Component
class TaskMails {

    private final EngagementService engagements;
    private final PublicUrl publicUrl;

    TaskMails(EngagementService engagements, PublicUrl publicUrl) {
        this.engagements = engagements;
        this.publicUrl = publicUrl;
    }

    Map<String, Object> model(String taskId, String taskName, String description, Date due, Long engagementId,
            String engagementName) {
        ZoneId zone = engagementId == null ? ZoneOffset.UTC : engagements.forProcess(engagementId).zone();
        Map<String, Object> model = new HashMap<>();
        model.put("taskName", taskName);
        model.put("description", description);
        model.put("engagementName", engagementName == null ? "the governance office" : engagementName);
        model.put("due", due == null ? null : new PeopleDates.Moment(due.toInstant().atZone(zone)));
        model.put("link", link(taskId));
        return model;
    }

    String link(String taskId) {
        return publicUrl.get() + "/camunda/app/tasklist/default/#/?task=" + taskId;
    }
}
