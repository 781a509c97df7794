package org.bpogovernance.partnership;

import com.fasterxml.jackson.annotation.JsonIgnore;
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

/**
 * One round of the relationship survey of an engagement: open until it closes (everyone answered,
 * or its closing time came), how many of each side were asked, and whether its result put the
 * relationship on the next management or executive call's agenda.
 */
@Entity
@Table(name = "relationship_survey")
public class RelationshipSurvey {

    public enum Status {
        OPEN, CLOSED, CANCELLED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    @JsonIgnore
    private Long version;

    @Column(name = "engagement_id", nullable = false)
    private Long engagementId;

    @Column(name = "round_number", nullable = false)
    private int roundNumber;

    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;

    @Column(name = "closes_at", nullable = false)
    private Instant closesAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "client_invited", nullable = false)
    private int clientInvited;

    @Column(name = "provider_invited", nullable = false)
    private int providerInvited;

    @Column(name = "at_risk", nullable = false)
    private boolean atRisk;

    @Column(name = "tabled_on_review_id")
    @JsonIgnore
    private Long tabledOnReviewId;

    @Column(name = "process_instance_id")
    @JsonIgnore
    private String processInstanceId;

    protected RelationshipSurvey() {
    }

    RelationshipSurvey(Long engagementId, int roundNumber, Instant openedAt, Instant closesAt, int clientInvited,
            int providerInvited, String processInstanceId) {
        this.engagementId = engagementId;
        this.roundNumber = roundNumber;
        this.openedAt = openedAt;
        this.closesAt = closesAt;
        this.clientInvited = clientInvited;
        this.providerInvited = providerInvited;
        this.processInstanceId = processInstanceId;
        this.status = Status.OPEN;
    }

    void close(Instant at, boolean atRisk) {
        this.status = Status.CLOSED;
        this.closedAt = at;
        this.atRisk = atRisk;
    }

    void cancel(Instant at) {
        this.status = Status.CANCELLED;
        this.closedAt = at;
    }

    void tabledOn(Long reviewId) {
        this.tabledOnReviewId = reviewId;
    }

    public Long getId() {
        return id;
    }

    public Long getEngagementId() {
        return engagementId;
    }

    public int getRoundNumber() {
        return roundNumber;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    public Instant getClosesAt() {
        return closesAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public Status getStatus() {
        return status;
    }

    public int getClientInvited() {
        return clientInvited;
    }

    public int getProviderInvited() {
        return providerInvited;
    }

    public boolean isAtRisk() {
        return atRisk;
    }

    String getProcessInstanceId() {
        return processInstanceId;
    }

    Long getTabledOnReviewId() {
        return tabledOnReviewId;
    }
}
