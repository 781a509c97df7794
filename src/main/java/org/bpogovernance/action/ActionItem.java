package org.bpogovernance.action;

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
import java.time.LocalDate;

/**
 * Something an owner agreed to do by a date. Items from a review call are PROPOSED while the
 * minutes await sign-off and OPEN once both parties signed; OPEN items are followed up to DONE.
 */
@Entity
@Table(name = "action_item")
public class ActionItem {

    public enum Status {
        PROPOSED, OPEN, DONE, CANCELLED
    }

    public enum Source {
        REVIEW_CALL, ESCALATION, MANUAL
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(name = "engagement_id", nullable = false)
    private Long engagementId;

    @Column(name = "review_id")
    private Long reviewId;

    @Column(nullable = false)
    private String description;

    @Column(nullable = false)
    private String owner;

    @Column(name = "due_date", nullable = false)
    private LocalDate dueDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Source source;

    @Column(name = "completion_note")
    private String completionNote;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    /** The escalation whose action plan this item belongs to, if any. */
    @Column(name = "escalation_id")
    private Long escalationId;

    @Column(name = "cancel_reason")
    private String cancelReason;

    protected ActionItem() {
    }

    ActionItem(Long engagementId, Long reviewId, String description, String owner, LocalDate dueDate, Status status,
            Source source, Instant createdAt, String createdBy) {
        this.engagementId = engagementId;
        this.reviewId = reviewId;
        this.description = description;
        this.owner = owner;
        this.dueDate = dueDate;
        this.status = status;
        this.source = source;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    void open() {
        this.status = Status.OPEN;
    }

    void fromEscalation(Long escalationId) {
        this.escalationId = escalationId;
    }

    void moveDueDate(LocalDate dueDate) {
        this.dueDate = dueDate;
    }

    void cancel(String reason) {
        this.status = Status.CANCELLED;
        this.cancelReason = reason;
    }

    void followedUpBy(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void complete(String note, Instant at) {
        this.status = Status.DONE;
        this.completionNote = note;
        this.completedAt = at;
    }

    /** Open and past its due date (in the engagement's time zone, the caller's today). */
    public boolean isOverdueOn(LocalDate today) {
        return status == Status.OPEN && dueDate.isBefore(today);
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

    public Long getReviewId() {
        return reviewId;
    }

    public String getDescription() {
        return description;
    }

    public String getOwner() {
        return owner;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public Status getStatus() {
        return status;
    }

    public Source getSource() {
        return source;
    }

    public String getCompletionNote() {
        return completionNote;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public Long getEscalationId() {
        return escalationId;
    }

    public String getCancelReason() {
        return cancelReason;
    }
}
