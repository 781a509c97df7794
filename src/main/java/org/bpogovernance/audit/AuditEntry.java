package org.bpogovernance.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One recorded change: immutable once written. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    static final int MAX_DETAILS = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(nullable = false)
    private String actor;

    @Column(name = "entity_type", nullable = false)
    private String entityType;

    @Column(name = "entity_id", nullable = false)
    private String entityId;

    @Column(nullable = false)
    private String action;

    private String details;

    /** The process instance that made the change, where one did. */
    @Column(name = "process_instance_id")
    private String processInstanceId;

    protected AuditEntry() {
    }

    AuditEntry(Instant occurredAt, String actor, String entityType, String entityId, String action, String details,
            String processInstanceId) {
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.entityType = entityType;
        this.entityId = entityId;
        this.action = action;
        this.details = fitted(details);
        this.processInstanceId = processInstanceId;
    }

    /** The column holds 4 000 characters; a longer text keeps its start and says how much was left out. */
    static String fitted(String details) {
        if (details == null || details.length() <= MAX_DETAILS) {
            return details;
        }
        String note = " … (" + (details.length() - MAX_DETAILS + 40) + " more characters)";
        return details.substring(0, MAX_DETAILS - 40) + note;
    }

    public Long getId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public String getEntityType() {
        return entityType;
    }

    public String getEntityId() {
        return entityId;
    }

    public String getAction() {
        return action;
    }

    public String getDetails() {
        return details;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }
}
