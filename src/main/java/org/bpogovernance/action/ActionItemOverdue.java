package org.bpogovernance.action;

import java.time.LocalDate;

/**
 * An open action item is still overdue when its grace period ends; published in the step's
 * transaction, so the escalation starts exactly when the step commits.
 */
public record ActionItemOverdue(Long engagementId, Long actionItemId, String description, String owner,
        LocalDate dueDate) {
}
