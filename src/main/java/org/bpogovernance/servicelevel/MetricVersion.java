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
import java.time.YearMonth;

/**
 * One definition of a metric, in force from a period until the next version. Never changed:
 * past measurements keep the version they were rated against.
 */
@Entity
@Table(name = "metric_version")
public class MetricVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "metric_id", nullable = false)
    private Long metricId;

    @Column(nullable = false)
    private int version;

    /** First period (yyyy-mm) this version applies to. */
    @Column(name = "effective_from", nullable = false)
    private String effectiveFrom;

    /** A retired metric is no longer measured from {@code effectiveFrom} on. */
    @Column(nullable = false)
    private boolean retired;

    @Column(nullable = false)
    private String name;

    private String description;

    @Column(nullable = false)
    private String unit;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Direction direction;

    @Column(nullable = false)
    private BigDecimal target;

    @Column(name = "warning_threshold", nullable = false)
    private BigDecimal warning;

    @Column(name = "breach_threshold", nullable = false)
    private BigDecimal breach;

    /** Share of the engagement's weighted attainment, in percent; active weights total 100. */
    @Column(nullable = false)
    private BigDecimal weight;

    /** Percent of the period's fee at risk per breach. */
    @Column(name = "credit_percent", nullable = false)
    private BigDecimal creditPercent;

    /** Most that this metric's credits may take from one period's fee, in percent. */
    @Column(name = "credit_cap_percent", nullable = false)
    private BigDecimal creditCapPercent;

    /** Consecutive green periods after a breach that earn its credit back; 0 for never. */
    @Column(name = "earn_back_periods", nullable = false)
    private int earnBackPeriods;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    protected MetricVersion() {
    }

    MetricVersion(Long metricId, int version, YearMonth effectiveFrom, MetricDefinition definition, Instant createdAt,
            String createdBy) {
        this.metricId = metricId;
        this.version = version;
        this.effectiveFrom = effectiveFrom.toString();
        this.name = definition.name();
        this.description = definition.description();
        this.unit = definition.unit();
        this.direction = definition.direction();
        this.target = definition.target();
        this.warning = definition.warning();
        this.breach = definition.breach();
        this.weight = definition.weight();
        this.creditPercent = definition.creditPercentPerBreach();
        this.creditCapPercent = definition.creditCapPercent();
        this.earnBackPeriods = definition.earnBackAfterGoodPeriods();
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    /** A version as stored, read without the persistence context (see {@link MetricCatalog}). */
    static MetricVersion asStored(Long id, Long metricId, int version, String effectiveFrom, boolean retired,
            MetricDefinition definition, Instant createdAt, String createdBy) {
        MetricVersion stored = new MetricVersion(metricId, version, YearMonth.parse(effectiveFrom), definition,
                createdAt, createdBy);
        stored.id = id;
        stored.retired = retired;
        return stored;
    }

    static MetricVersion retirement(MetricVersion last, YearMonth from, Instant at, String by) {
        MetricVersion retired = new MetricVersion(last.metricId, last.version + 1, from, last.definition(), at, by);
        retired.retired = true;
        return retired;
    }

    MetricDefinition definition() {
        return new MetricDefinition(null, name, description, unit, direction, target, warning, breach, weight,
                creditPercent, creditCapPercent, earnBackPeriods);
    }

    public Long getId() {
        return id;
    }

    public Long getMetricId() {
        return metricId;
    }

    public int getVersion() {
        return version;
    }

    public String getEffectiveFrom() {
        return effectiveFrom;
    }

    public boolean isRetired() {
        return retired;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public String getUnit() {
        return unit;
    }

    public Direction getDirection() {
        return direction;
    }

    public BigDecimal getTarget() {
        return target;
    }

    public BigDecimal getWarning() {
        return warning;
    }

    public BigDecimal getBreach() {
        return breach;
    }

    public BigDecimal getWeight() {
        return weight;
    }

    public BigDecimal getCreditPercent() {
        return creditPercent;
    }

    public BigDecimal getCreditCapPercent() {
        return creditCapPercent;
    }

    public int getEarnBackPeriods() {
        return earnBackPeriods;
    }
}
