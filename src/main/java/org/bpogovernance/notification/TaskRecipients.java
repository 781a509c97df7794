package org.bpogovernance.notification;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.bpogovernance.security.UserDirectory;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/** Who a task's mail goes to: its assignee, or else its candidate users and candidate groups' members. */
@Component
class TaskRecipients {

    private final UserDirectory users;

    TaskRecipients(UserDirectory users) {
        this.users = users;
    }

    Set<String> of(String assignee, Collection<? extends IdentityLink> links) {
        Set<String> recipients = new LinkedHashSet<>();
        if (assignee != null) {
            recipients.add(assignee);
            return recipients;
        }
        for (IdentityLink link : links) {
            if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
                continue;
            }
            if (link.getUserId() != null) {
                recipients.add(link.getUserId());
            } else if (link.getGroupId() != null) {
                recipients.addAll(users.membersOf(link.getGroupId()));
            }
        }
        return recipients;
    }
}
