package org.bpogovernance.review;

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

/** A milestone of an engagement (transition wave, go-live, automation release): reviewed at each call. */
@Entity
@Table(name = "milestone")
public class Milestone {

    public enum Status {
        PLANNED, ON_TRACK, AT_RISK, DONE, MISSED;

        boolean isOpen() {
            return this != DONE && this != MISSED;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(name = "engagement_id", nullable = false)
    private Long engagementId;

    @Column(nullable = false)
    private String title;

    @Column(name = "due_date", nullable = false)
    private LocalDate dueDate;

    @Column(nullable = false)
    private String owner;

    @Column(name = "acceptance_criteria")
    private String acceptanceCriteria;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    protected Milestone() {
    }

    Milestone(Long engagementId, MilestoneRequest request, Instant createdAt, String createdBy) {
        this.engagementId = engagementId;
        apply(request);
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    void apply(MilestoneRequest request) {
        this.title = request.title().trim();
        this.dueDate = request.dueDate();
        this.owner = request.owner().trim();
        this.acceptanceCriteria = request.acceptanceCriteria() == null || request.acceptanceCriteria().isBlank()
                ? null : request.acceptanceCriteria().trim();
        if (request.status() != null) {
            this.status = request.status();
        } else if (this.status == null) {
            this.status = Status.PLANNED;
        }
    }

    void moveTo(Status status) {
        this.status = status;
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

    public String getTitle() {
        return title;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public String getOwner() {
        return owner;
    }

    public String getAcceptanceCriteria() {
        return acceptanceCriteria;
    }

    public Status getStatus() {
        return status;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }
}
