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
import org.bpogovernance.engagement.TierLevel;
import org.bpogovernance.platform.ConflictException;

/**
 * One milestone review call of a governance tier, covering a period: its agenda, the call, the
 * minutes both parties sign. Once signed off the record is locked.
 */
@Entity
@Table(name = "review")
public class Review {

    public enum Status {
        /** The officer prepares the agenda and the performance pack. */
        PREPARING,
        /** Invites are out; participants confirm or decline. */
        SCHEDULED,
        /** Minutes recorded and out for both parties' sign-off. */
        IN_SIGN_OFF,
        /** A party rejected the minutes; the officer reworks them. */
        REWORK,
        /** Both parties approved; the record is locked. */
        SIGNED_OFF,
        /** The engagement closed before the minutes were signed off; the call's record stays as it was. */
        CANCELLED
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
    private TierLevel tier;

    @Column(nullable = false)
    private int sequence;

    /** First and last month (yyyy-mm) the call reviews. */
    @Column(name = "period_from", nullable = false)
    private String periodFrom;

    @Column(name = "period_to", nullable = false)
    private String periodTo;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status = Status.PREPARING;

    /** How long the call lasts; the agenda's timeboxes must fit. */
    @Column(name = "meeting_minutes", nullable = false)
    private int meetingMinutes;

    private String objectives;

    @Column(name = "meeting_id")
    private Long meetingId;

    @Column(name = "scorecard_summary")
    private String scorecardSummary;

    private String minutes;

    private String decisions;

    private String successes;

    @Column(name = "lessons_learned")
    private String lessonsLearned;

    private String risks;

    @Column(name = "sign_off_round", nullable = false)
    private int signOffRound;

    @Column(name = "satisfaction_score")
    private Integer satisfactionScore;

    @Column(name = "satisfaction_comment")
    private String satisfactionComment;

    @Column(name = "satisfaction_by")
    private String satisfactionBy;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "recorded_at")
    private Instant recordedAt;

    @Column(name = "recorded_by")
    private String recordedBy;

    @Column(name = "signed_off_at")
    private Instant signedOffAt;

    /** On premises or hybrid: who hosts the visitors, and what they need to know to get there. */
    @Column(name = "visit_host")
    private String visitHost;

    @Column(name = "visit_instructions")
    private String visitInstructions;

    @Column(name = "visitors_registered_at")
    private Instant visitorsRegisteredAt;

    @Column(name = "visitors_note")
    private String visitorsNote;

    protected Review() {
    }

    Review(Long engagementId, TierLevel tier, int sequence, String periodFrom, String periodTo, int meetingMinutes,
            Instant startedAt) {
        this.engagementId = engagementId;
        this.tier = tier;
        this.sequence = sequence;
        this.periodFrom = periodFrom;
        this.periodTo = periodTo;
        this.meetingMinutes = meetingMinutes;
        this.startedAt = startedAt;
    }

    /** The call meets on site (host and instructions), or not (both null). */
    void hostedBy(String host, String instructions) {
        this.visitHost = host;
        this.visitInstructions = instructions;
        this.visitorsRegisteredAt = null;
        this.visitorsNote = null;
    }

    void visitorsRegistered(String note, Instant at) {
        this.visitorsNote = note;
        this.visitorsRegisteredAt = at;
    }

    void runsIn(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void prepare(String objectives) {
        requireStatus(Status.PREPARING);
        this.objectives = objectives;
    }

    void attachScorecard(String summary) {
        this.scorecardSummary = summary;
    }

    void scheduled(Long meetingId) {
        this.meetingId = meetingId;
        this.status = Status.SCHEDULED;
    }

    void record(MinutesText text, String by, Instant at) {
        requireStatus(Status.SCHEDULED);
        write(text);
        this.recordedBy = by;
        this.recordedAt = at;
    }

    void rework(MinutesText text) {
        requireStatus(Status.REWORK);
        write(text);
    }

    private void write(MinutesText text) {
        this.minutes = text.minutes();
        this.decisions = text.decisions();
        this.successes = text.successes();
        this.lessonsLearned = text.lessonsLearned();
        this.risks = text.risks();
    }

    int openSignOffRound() {
        if (status != Status.SCHEDULED && status != Status.REWORK) {
            throw new ConflictException("review " + id + " is " + status + "; its minutes cannot be sent for sign-off");
        }
        this.status = Status.IN_SIGN_OFF;
        return ++signOffRound;
    }

    void rejected() {
        requireStatus(Status.IN_SIGN_OFF);
        this.status = Status.REWORK;
    }

    void signedOff(Instant at) {
        requireStatus(Status.IN_SIGN_OFF);
        this.status = Status.SIGNED_OFF;
        this.signedOffAt = at;
    }

    /** Whether the call is still under way: not signed off and not cancelled. */
    public boolean isUnderWay() {
        return status != Status.SIGNED_OFF && status != Status.CANCELLED;
    }

    void cancel() {
        this.status = Status.CANCELLED;
    }

    void rate(int score, String comment, String by) {
        this.satisfactionScore = score;
        this.satisfactionComment = comment;
        this.satisfactionBy = by;
    }

    /** The minutes may change only while they are back for rework; signed minutes are locked. */
    void requireStatus(Status expected) {
        if (status != expected) {
            throw new ConflictException("status", "review " + id + " is " + status + (status == Status.SIGNED_OFF
                    ? ": both parties signed the minutes and the record is locked" : ", not " + expected));
        }
    }

    /** The period as people read it: {@code 2026-05}, or {@code 2026-04 to 2026-06}. */
    public String period() {
        return periodFrom.equals(periodTo) ? periodTo : periodFrom + " to " + periodTo;
    }

    /** The period as people write it: "May 2026", "March to May 2026", "November 2025 to January 2026". */
    public String periodInWords() {
        java.time.YearMonth from = java.time.YearMonth.parse(periodFrom);
        java.time.YearMonth to = java.time.YearMonth.parse(periodTo);
        var month = java.time.format.DateTimeFormatter.ofPattern("MMMM", java.util.Locale.ENGLISH);
        var monthAndYear = java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy", java.util.Locale.ENGLISH);
        if (from.equals(to)) {
            return to.format(monthAndYear);
        }
        return (from.getYear() == to.getYear() ? from.format(month) : from.format(monthAndYear)) + " to " + to.format(monthAndYear);
    }

    /** "Operational review 3, May 2026". */
    public String title() {
        String tierName = tier.name().charAt(0) + tier.name().substring(1).toLowerCase();
        return tierName + " review " + sequence + ", " + periodInWords();
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

    public TierLevel getTier() {
        return tier;
    }

    public int getSequence() {
        return sequence;
    }

    public String getPeriodFrom() {
        return periodFrom;
    }

    public String getPeriodTo() {
        return periodTo;
    }

    public Status getStatus() {
        return status;
    }

    public int getMeetingMinutes() {
        return meetingMinutes;
    }

    public String getObjectives() {
        return objectives;
    }

    public Long getMeetingId() {
        return meetingId;
    }

    public String getScorecardSummary() {
        return scorecardSummary;
    }

    public String getMinutes() {
        return minutes;
    }

    public String getDecisions() {
        return decisions;
    }

    public String getSuccesses() {
        return successes;
    }

    public String getLessonsLearned() {
        return lessonsLearned;
    }

    public String getRisks() {
        return risks;
    }

    public String getVisitHost() {
        return visitHost;
    }

    public String getVisitInstructions() {
        return visitInstructions;
    }

    public Instant getVisitorsRegisteredAt() {
        return visitorsRegisteredAt;
    }

    public String getVisitorsNote() {
        return visitorsNote;
    }

    public int getSignOffRound() {
        return signOffRound;
    }

    public Integer getSatisfactionScore() {
        return satisfactionScore;
    }

    public String getSatisfactionComment() {
        return satisfactionComment;
    }

    public String getSatisfactionBy() {
        return satisfactionBy;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getSignedOffAt() {
        return signedOffAt;
    }
}
