package org.bpogovernance.servicelevel;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A metric's value for one period, rated against the version in force then. Corrections keep it.
 * Written in bulk by {@link MeasurementStore}; read here.
 */
@Entity
@Table(name = "measurement")
public class Measurement {

    public enum Source {
        MANUAL_TASK, API, CSV
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "metric_id", nullable = false)
    private Long metricId;

    @Column(name = "metric_version_id", nullable = false)
    private Long metricVersionId;

    @Column(nullable = false)
    private String period;

    @Column(name = "measured_value", nullable = false)
    private BigDecimal value;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Health health;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Source source;

    @Column(name = "comment_text")
    private String comment;

    @Column(name = "recorded_by", nullable = false)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    /** The decision table version that rated it ({@code kpi-health:3}); null for values recorded before it was kept. */
    @Column(name = "health_rule")
    private String healthRule;

    /** Set when a correction replaced this value; null for the current one. */
    @Column(name = "superseded_at")
    private Instant supersededAt;

    protected Measurement() {
    }

    public Long getId() {
        return id;
    }

    public Long getMetricId() {
        return metricId;
    }

    public Long getMetricVersionId() {
        return metricVersionId;
    }

    public String getPeriod() {
        return period;
    }

    public BigDecimal getValue() {
        return value;
    }

    public Health getHealth() {
        return health;
    }

    public Source getSource() {
        return source;
    }

    public String getComment() {
        return comment;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public String getHealthRule() {
        return healthRule;
    }

    public Instant getSupersededAt() {
        return supersededAt;
    }
}
