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

/**
 * The end of one term: the summary and recommendation the steering committee decided on, its
 * decision with the rationale, and the next term it agreed (directly, or after renegotiation).
 */
@Entity
@Table(name = "renewal_review")
public class RenewalReview {

    public enum Status {
        /** Waiting for the steering committee's decision. */
        OPEN,
        /** Renegotiation decided: the amended terms are being agreed and signed. */
        RENEGOTIATING,
        RENEWED,
        EXIT,
        /** The term ended with no decision taken: the engagement closed with it. */
        LAPSED
    }

    public enum Decision {
        RENEW, RENEGOTIATE, EXIT
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(name = "engagement_id", nullable = false)
    private Long engagementId;

    @Column(name = "term_number", nullable = false)
    private int termNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "summary_text")
    private String summaryText;

    @Enumerated(EnumType.STRING)
    private Decision recommendation;

    @Column(name = "recommendation_reason")
    private String recommendationReason;

    @Enumerated(EnumType.STRING)
    private Decision decision;

    private String rationale;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "new_term_start")
    private LocalDate newTermStart;

    @Column(name = "new_term_end")
    private LocalDate newTermEnd;

    @Column(name = "new_notice_period_days")
    private Integer newNoticePeriodDays;

    @Column(name = "metric_changes")
    private String metricChanges;

    private String amendment;

    @Column(name = "amendment_round", nullable = false)
    private int amendmentRound;

    @Column(name = "escalated_at")
    private Instant escalatedAt;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    protected RenewalReview() {
    }

    RenewalReview(Long engagementId, int termNumber, Instant startedAt, String processInstanceId) {
        this.engagementId = engagementId;
        this.termNumber = termNumber;
        this.status = Status.OPEN;
        this.startedAt = startedAt;
        this.processInstanceId = processInstanceId;
    }

    void summarised(String summaryText, Decision recommendation, String reason) {
        this.summaryText = summaryText;
        this.recommendation = recommendation;
        this.recommendationReason = reason;
    }

    void decide(Decision decision, String rationale, String by, Instant at) {
        requireStatus(Status.OPEN);
        this.decision = decision;
        this.rationale = rationale;
        this.decidedBy = by;
        this.decidedAt = at;
        this.status = switch (decision) {
            case RENEW -> Status.OPEN;
            case RENEGOTIATE -> Status.RENEGOTIATING;
            case EXIT -> Status.EXIT;
        };
    }

    /** The next term as agreed, with its metric changes (lines {@code code | target | warning | breach}). */
    void agreeNextTerm(LocalDate start, LocalDate end, int noticeDays, String metricChanges, String amendment) {
        this.newTermStart = start;
        this.newTermEnd = end;
        this.newNoticePeriodDays = noticeDays;
        this.metricChanges = metricChanges;
        this.amendment = amendment;
    }

    /** A new round of signatures on the amendment (rounds count per engagement, across its terms). */
    void amendmentRound(int round) {
        requireStatus(Status.RENEGOTIATING);
        this.amendmentRound = round;
    }

    void lapsed() {
        requireStatus(Status.OPEN);
        this.status = Status.LAPSED;
    }

    void renewed() {
        this.status = Status.RENEWED;
    }

    void escalated(Instant at) {
        this.escalatedAt = at;
    }

    void requireStatus(Status expected) {
        if (status != expected) {
            throw new ConflictException("status", "the renewal review of term " + termNumber + " is " + status
                    + ", not " + expected);
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

    public int getTermNumber() {
        return termNumber;
    }

    public Status getStatus() {
        return status;
    }

    public String getSummaryText() {
        return summaryText;
    }

    public Decision getRecommendation() {
        return recommendation;
    }

    public String getRecommendationReason() {
        return recommendationReason;
    }

    public Decision getDecision() {
        return decision;
    }

    /** Whether the decision followed the recommendation; null before the decision. */
    public Boolean getFollowsRecommendation() {
        return decision == null ? null : decision == recommendation;
    }

    public String getRationale() {
        return rationale;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public LocalDate getNewTermStart() {
        return newTermStart;
    }

    public LocalDate getNewTermEnd() {
        return newTermEnd;
    }

    public Integer getNewNoticePeriodDays() {
        return newNoticePeriodDays;
    }

    public String getMetricChanges() {
        return metricChanges;
    }

    public String getAmendment() {
        return amendment;
    }

    public int getAmendmentRound() {
        return amendmentRound;
    }

    public Instant getEscalatedAt() {
        return escalatedAt;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }
}
