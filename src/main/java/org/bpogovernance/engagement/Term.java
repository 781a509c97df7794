package org.bpogovernance.engagement;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/** One contract term of an engagement: the first from registration, each next one from a renewal. */
@Entity
@Table(name = "engagement_term")
public class Term {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "engagement_id", nullable = false)
    private Long engagementId;

    @Column(nullable = false)
    private int number;

    @Column(name = "starts_on", nullable = false)
    private LocalDate startsOn;

    @Column(name = "ends_on", nullable = false)
    private LocalDate endsOn;

    @Column(name = "notice_period_days", nullable = false)
    private int noticePeriodDays;

    @Column(name = "agreed_by", nullable = false)
    private String agreedBy;

    @Column(name = "agreed_at", nullable = false)
    private Instant agreedAt;

    protected Term() {
    }

    Term(Long engagementId, int number, LocalDate startsOn, LocalDate endsOn, int noticePeriodDays, String agreedBy,
            Instant agreedAt) {
        this.engagementId = engagementId;
        this.number = number;
        this.startsOn = startsOn;
        this.endsOn = endsOn;
        this.noticePeriodDays = noticePeriodDays;
        this.agreedBy = agreedBy;
        this.agreedAt = agreedAt;
    }

    void change(LocalDate startsOn, LocalDate endsOn, int noticePeriodDays) {
        this.startsOn = startsOn;
        this.endsOn = endsOn;
        this.noticePeriodDays = noticePeriodDays;
    }

    /** Whether the month lies in this term. */
    public boolean covers(YearMonth period) {
        return !period.isBefore(YearMonth.from(startsOn)) && !period.isAfter(YearMonth.from(endsOn));
    }

    @JsonIgnore
    public Long getId() {
        return id;
    }

    @JsonIgnore
    public Long getEngagementId() {
        return engagementId;
    }

    public int getNumber() {
        return number;
    }

    public LocalDate getStartsOn() {
        return startsOn;
    }

    public LocalDate getEndsOn() {
        return endsOn;
    }

    public int getNoticePeriodDays() {
        return noticePeriodDays;
    }

    /** The last day on which notice can be given for this term. */
    public LocalDate getNoticeDate() {
        return endsOn.minusDays(noticePeriodDays);
    }

    public String getAgreedBy() {
        return agreedBy;
    }

    public Instant getAgreedAt() {
        return agreedAt;
    }
}
