package org.bpogovernance.renewal;

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
import org.bpogovernance.platform.ConflictException;

/** One item of the exit and transition plan: what, who, by when, and whether it is done. */
@Entity
@Table(name = "exit_item")
public class ExitItem {

    /** What the plan must cover; every category has at least one item. */
    public enum Category {
        KNOWLEDGE_TRANSFER, DATA_RETURN, SERVICE_HANDOVER, ACCESS_REMOVAL, FINAL_REVIEW_CALL
    }

    public enum Status {
        OPEN, DONE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(name = "engagement_id", nullable = false)
    private Long engagementId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Category category;

    @Column(nullable = false)
    private String description;

    @Column(nullable = false)
    private String owner;

    @Column(name = "due_date", nullable = false)
    private LocalDate dueDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "completion_note")
    private String completionNote;

    @Column(name = "completed_by")
    private String completedBy;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ExitItem() {
    }

    ExitItem(Long engagementId, Category category, String description, String owner, LocalDate dueDate, String createdBy,
            Instant createdAt) {
        this.engagementId = engagementId;
        this.category = category;
        this.description = description;
        this.owner = owner;
        this.dueDate = dueDate;
        this.status = Status.OPEN;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    void complete(String note, String by, Instant at) {
        if (status != Status.OPEN) {
            throw new ConflictException("status", "exit item " + id + " is done already");
        }
        this.status = Status.DONE;
        this.completionNote = note;
        this.completedBy = by;
        this.completedAt = at;
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

    public Category getCategory() {
        return category;
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

    public String getCompletionNote() {
        return completionNote;
    }

    public String getCompletedBy() {
        return completedBy;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
