package org.bpogovernance.improvement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.bpogovernance.engagement.Side;
import org.bpogovernance.engagement.TierLevel;
import org.bpogovernance.platform.ConflictException;

/**
 * An improvement initiative: a problem, an idea and the benefit expected of it (on a service
 * metric where there is one), from proposal through both sides' assessment and the tier's
 * decision to a pilot and its benefits review.
 */
@Entity
@Table(name = "improvement_initiative")
public class Initiative {

    /** How much of the service the change touches. */
    public enum Size {
        SMALL, MEDIUM, LARGE
    }

    public enum Risk {
        LOW, MEDIUM, HIGH
    }

    public enum Status {
        /** Both sides are assessing it. */
        ASSESSING,
        /** Assessed; the tier's decision is due. */
        AWAITING_DECISION,
        /** Decided later: it comes back on its revisit date. */
        PARKED,
        REJECTED,
        /** Approved: a pilot with an owner, milestones and a benefits-review date. */
        PILOT,
        /** The benefits review adopted it: a shared achievement. */
        ADOPTED,
        DROPPED,
        /** Ended undecided: the engagement closed. */
        WITHDRAWN;

        boolean isOpen() {
            return this == ASSESSING || this == AWAITING_DECISION || this == PARKED || this == PILOT;
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

    @Column(nullable = false)
    private String problem;

    @Column(nullable = false)
    private String idea;

    @Column(name = "metric_code")
    private String metricCode;

    private BigDecimal baseline;

    private BigDecimal target;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Size size;

    @Column(name = "effort_days", nullable = false)
    private int effortDays;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Risk risk;

    @Column(name = "proposed_by", nullable = false)
    private String proposedBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "proposed_side")
    private Side proposedSide;

    @Column(name = "proposed_at", nullable = false)
    private Instant proposedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status = Status.ASSESSING;

    @Enumerated(EnumType.STRING)
    @Column(name = "decision_tier")
    private TierLevel decisionTier;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decision_reason")
    private String decisionReason;

    @Column(name = "revisit_date")
    private LocalDate revisitDate;

    private String owner;

    @Column(name = "pilot_start")
    private LocalDate pilotStart;

    @Column(name = "benefits_review_date")
    private LocalDate benefitsReviewDate;

    @Column(name = "value_before")
    private BigDecimal valueBefore;

    @Column(name = "value_after")
    private BigDecimal valueAfter;

    @Column(name = "lessons_learned")
    private String lessonsLearned;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    protected Initiative() {
    }

    Initiative(Long engagementId, InitiativeProposal proposal, String proposedBy, Side proposedSide, Instant proposedAt) {
        this.engagementId = engagementId;
        this.title = proposal.title().trim();
        this.problem = proposal.problem().trim();
        this.idea = proposal.idea().trim();
        this.metricCode = proposal.metricCode() == null || proposal.metricCode().isBlank() ? null : proposal.metricCode().trim();
        this.baseline = proposal.baseline();
        this.target = proposal.target();
        this.size = proposal.size();
        this.effortDays = proposal.effortDays();
        this.risk = proposal.risk();
        this.proposedBy = proposedBy;
        this.proposedSide = proposedSide;
        this.proposedAt = proposedAt;
    }

    void runsIn(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void baselineMeasured(BigDecimal measured) {
        this.baseline = measured;
    }

    void assessed(TierLevel tier) {
        requireStatus(Status.ASSESSING, Status.PARKED);
        this.decisionTier = tier;
        this.status = Status.AWAITING_DECISION;
    }

    void approved(String by, Instant at, String note, String owner, LocalDate pilotStart, LocalDate benefitsReviewDate) {
        decided(by, at, note, Status.PILOT);
        this.owner = owner;
        this.pilotStart = pilotStart;
        this.benefitsReviewDate = benefitsReviewDate;
        this.revisitDate = null;
    }

    void parked(String by, Instant at, String reason, LocalDate revisitDate) {
        decided(by, at, reason, Status.PARKED);
        this.revisitDate = revisitDate;
    }

    void rejected(String by, Instant at, String reason) {
        decided(by, at, reason, Status.REJECTED);
        this.closedAt = at;
    }

    void extended(LocalDate newReviewDate, BigDecimal before, BigDecimal after, String lessons) {
        requireStatus(Status.PILOT);
        measured(before, after, lessons);
        this.benefitsReviewDate = newReviewDate;
    }

    void ended(Status outcome, Instant at, BigDecimal before, BigDecimal after, String lessons) {
        requireStatus(Status.PILOT);
        measured(before, after, lessons);
        this.status = outcome;
        this.closedAt = at;
    }

    void withdrawn(Instant at) {
        this.status = Status.WITHDRAWN;
        this.closedAt = at;
    }

    private void measured(BigDecimal before, BigDecimal after, String lessons) {
        this.valueBefore = before;
        this.valueAfter = after;
        this.lessonsLearned = lessons;
    }

    private void decided(String by, Instant at, String reason, Status next) {
        requireStatus(Status.AWAITING_DECISION);
        this.decidedBy = by;
        this.decidedAt = at;
        this.decisionReason = reason;
        this.status = next;
    }

    private void requireStatus(Status... expected) {
        for (Status status : expected) {
            if (this.status == status) {
                return;
            }
        }
        throw new ConflictException("initiative " + id + " is " + this.status.name().toLowerCase().replace('_', ' ')
                + "; this step is for one that is " + java.util.Arrays.stream(expected)
                        .map(s -> s.name().toLowerCase().replace('_', ' ')).collect(java.util.stream.Collectors.joining(" or ")));
    }

    /** The measured benefit in a phrase: "AHT 4.2 before the pilot, 3.6 during it (target 3.5)". */
    public String benefitInWords() {
        if (metricCode == null) {
            return "no service metric named";
        }
        return metricCode + " " + plain(valueBefore) + " before the pilot, " + plain(valueAfter) + " during it (target "
                + plain(target) + ")";
    }

    private static String plain(BigDecimal value) {
        return value == null ? "not measured" : value.stripTrailingZeros().toPlainString();
    }

    public Long getId() {
        return id;
    }

    public Long getEngagementId() {
        return engagementId;
    }

    public String getTitle() {
        return title;
    }

    public String getProblem() {
        return problem;
    }

    public String getIdea() {
        return idea;
    }

    public String getMetricCode() {
        return metricCode;
    }

    public BigDecimal getBaseline() {
        return baseline;
    }

    public BigDecimal getTarget() {
        return target;
    }

    public Size getSize() {
        return size;
    }

    public int getEffortDays() {
        return effortDays;
    }

    public Risk getRisk() {
        return risk;
    }

    public String getProposedBy() {
        return proposedBy;
    }

    public Side getProposedSide() {
        return proposedSide;
    }

    public Instant getProposedAt() {
        return proposedAt;
    }

    public Status getStatus() {
        return status;
    }

    public TierLevel getDecisionTier() {
        return decisionTier;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getDecisionReason() {
        return decisionReason;
    }

    public LocalDate getRevisitDate() {
        return revisitDate;
    }

    public String getOwner() {
        return owner;
    }

    public LocalDate getPilotStart() {
        return pilotStart;
    }

    public LocalDate getBenefitsReviewDate() {
        return benefitsReviewDate;
    }

    public BigDecimal getValueBefore() {
        return valueBefore;
    }

    public BigDecimal getValueAfter() {
        return valueAfter;
    }

    public String getLessonsLearned() {
        return lessonsLearned;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }
}
