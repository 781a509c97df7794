package org.bpogovernance.escalation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.bpogovernance.platform.ConflictException;

/**
 * Governance pressure on one cause (a breach, an overdue action, disputed minutes, a person's
 * concern): at a level of the ladder until someone resolves it. One resolution only: a second,
 * concurrent one fails on the version.
 */
@Entity
@Table(name = "escalation")
public class Escalation {

    public enum Trigger {
        KPI_BREACH, REPEATED_WARNINGS, OVERDUE_ACTION, REJECTED_SIGN_OFF, SIGN_OFF_DISPUTE, MANUAL, RENEWAL_UNDECIDED
    }

    public enum Severity {
        LOW, MEDIUM, HIGH, CRITICAL
    }

    public enum Status {
        OPEN, RESOLVED
    }

    public enum Resolution {
        RESOLVED, ACCEPTED_RISK, CONTRACT_ACTION,
        /** Ended without a resolution: the engagement closed. */
        WITHDRAWN
    }

    /** The steering committee: executive sponsors of both sides. */
    public static final int TOP_LEVEL = 3;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(name = "engagement_id", nullable = false)
    private Long engagementId;

    /** What raised it, unique: {@code kpi:12:AHT:2026-05}, {@code action:7:2026-06-30}, {@code review:3:1}, {@code manual:…}. */
    @Column(nullable = false)
    private String cause;

    @Enumerated(EnumType.STRING)
    @Column(name = "trigger_type", nullable = false)
    private Trigger trigger;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Severity severity;

    @Column(nullable = false)
    private String subject;

    @Column(nullable = false)
    private int level;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status = Status.OPEN;

    @Column(name = "response_due_at")
    private Instant responseDueAt;

    @Enumerated(EnumType.STRING)
    private Resolution resolution;

    @Column(name = "resolution_note")
    private String resolutionNote;

    @Column(name = "resolved_by")
    private String resolvedBy;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Column(name = "raised_by", nullable = false)
    private String raisedBy;

    @Column(name = "raised_at", nullable = false)
    private Instant raisedAt;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    protected Escalation() {
    }

    Escalation(Long engagementId, String cause, Trigger trigger, Severity severity, String subject, String raisedBy,
            Instant raisedAt) {
        this.engagementId = engagementId;
        this.cause = cause;
        this.trigger = trigger;
        this.severity = severity;
        this.subject = subject;
        this.level = 1;
        this.raisedBy = raisedBy;
        this.raisedAt = raisedAt;
    }

    void runsIn(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void atLevel(int level, Instant responseDueAt) {
        requireOpen();
        this.level = level;
        this.responseDueAt = responseDueAt;
    }

    void resolve(Resolution resolution, String note, String by, Instant at) {
        requireOpen();
        this.status = Status.RESOLVED;
        this.resolution = resolution;
        this.resolutionNote = note;
        this.resolvedBy = by;
        this.resolvedAt = at;
        this.responseDueAt = null;
    }

    void requireOpen() {
        if (status != Status.OPEN) {
            throw new ConflictException("status", "escalation " + id + " was resolved already (" + resolution + " by "
                    + resolvedBy + ")");
        }
    }

    public Long getId() {
        return id;
    }

    public long getVersion() {
        return version;
    }

    public Long getEngagementId() {
        return engagementId;
    }

    public String getCause() {
        return cause;
    }

    public Trigger getTrigger() {
        return trigger;
    }

    public Severity getSeverity() {
        return severity;
    }

    public String getSubject() {
        return subject;
    }

    public int getLevel() {
        return level;
    }

    public Status getStatus() {
        return status;
    }

    public Instant getResponseDueAt() {
        return responseDueAt;
    }

    public Resolution getResolution() {
        return resolution;
    }

    public String getResolutionNote() {
        return resolutionNote;
    }

    public String getResolvedBy() {
        return resolvedBy;
    }

    public Instant getResolvedAt() {
        return resolvedAt;
    }

    public String getRaisedBy() {
        return raisedBy;
    }

    public Instant getRaisedAt() {
        return raisedAt;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }
}
