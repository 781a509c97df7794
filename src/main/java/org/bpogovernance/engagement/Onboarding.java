package org.bpogovernance.engagement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** What both parties agreed during onboarding: kick-off, ways of working, stakeholder map, charter. */
@Entity
@Table(name = "onboarding")
public class Onboarding {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "engagement_id", nullable = false, unique = true)
    private Long engagementId;

    @Column(name = "target_date", nullable = false)
    private LocalDate targetDate;

    /** Local time of the kick-off in the engagement's time zone. */
    @Column(name = "kick_off_at")
    private LocalDateTime kickOffAt;

    @Column(name = "kick_off_format")
    private String kickOffFormat;

    @Column(name = "kick_off_location")
    private String kickOffLocation;

    @Column(name = "communication_channels")
    private String communicationChannels;

    @Column(name = "reporting_cadence")
    private String reportingCadence;

    @Column(name = "escalation_protocol")
    private String escalationProtocol;

    @Column(name = "metrics_note")
    private String metricsNote;

    @Column(name = "stakeholder_map_confirmed_by")
    private String stakeholderMapConfirmedBy;

    @Column(name = "stakeholder_map_confirmed_at")
    private Instant stakeholderMapConfirmedAt;

    @Column(name = "charter_round", nullable = false)
    private int charterRound;

    /** The charter as the last round was sent for signature. */
    @Column(name = "charter_sent")
    private String charterSent;

    /** What changed in it since the round before, as the signers read it; null in the first round. */
    @Column(name = "charter_changes")
    private String charterChanges;

    @Column(name = "overrun_notices", nullable = false)
    private int overrunNotices;

    @Column(name = "completed_at")
    private Instant completedAt;

    protected Onboarding() {
    }

    Onboarding(Long engagementId, LocalDate targetDate) {
        this.engagementId = engagementId;
        this.targetDate = targetDate;
    }

    void scheduleKickOff(LocalDateTime at, String format, String location) {
        this.kickOffAt = at;
        this.kickOffFormat = format;
        this.kickOffLocation = location;
    }

    void agreeWaysOfWorking(String channels, String cadence, String protocol, String metricsNote) {
        this.communicationChannels = channels;
        this.reportingCadence = cadence;
        this.escalationProtocol = protocol;
        this.metricsNote = metricsNote;
    }

    void confirmStakeholderMap(String by, Instant at) {
        this.stakeholderMapConfirmedBy = by;
        this.stakeholderMapConfirmedAt = at;
    }

    int openCharterRound(String charter) {
        this.charterChanges = charterSent == null ? null : CharterChanges.between(charterSent, charter);
        this.charterSent = charter;
        return ++charterRound;
    }

    /** The charter as the last round was sent for signature; null before the first round. */
    public String getCharterSent() {
        return charterSent;
    }

    public String getCharterChanges() {
        return charterChanges;
    }

    int countOverrunNotice() {
        return ++overrunNotices;
    }

    void complete(Instant at) {
        this.completedAt = at;
    }

    public Long getEngagementId() {
        return engagementId;
    }

    public LocalDate getTargetDate() {
        return targetDate;
    }

    public LocalDateTime getKickOffAt() {
        return kickOffAt;
    }

    public String getKickOffFormat() {
        return kickOffFormat;
    }

    public String getKickOffLocation() {
        return kickOffLocation;
    }

    public String getCommunicationChannels() {
        return communicationChannels;
    }

    public String getReportingCadence() {
        return reportingCadence;
    }

    public String getEscalationProtocol() {
        return escalationProtocol;
    }

    public String getMetricsNote() {
        return metricsNote;
    }

    public String getStakeholderMapConfirmedBy() {
        return stakeholderMapConfirmedBy;
    }

    public Instant getStakeholderMapConfirmedAt() {
        return stakeholderMapConfirmedAt;
    }

    public int getCharterRound() {
        return charterRound;
    }

    public int getOverrunNotices() {
        return overrunNotices;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }
}
