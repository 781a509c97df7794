package org.bpogovernance.servicelevel;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bpogovernance.audit.AuditTrail;
import org.bpogovernance.engagement.Engagement;
import org.bpogovernance.engagement.EngagementService;
import org.bpogovernance.engagement.StakeholderRole;
import org.bpogovernance.platform.InvalidInputException.Violation;
import org.bpogovernance.platform.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The provider's "submit performance data" task: when a period's data is due and a feed has not
 * delivered all of it, the provider manager is asked once for that period, with a form that lists
 * the engagement's metrics in force then.
 */
@Service
public class PerformanceDataService {

    /** A line of the form: a metric in force in the period, with the value already recorded, if any. */
    public record Row(String metric, String name, String unit, BigDecimal target, BigDecimal value, String comment) {
    }

    private final ServiceLevelService serviceLevels;
    private final MeasurementService measurements;
    private final MeasurementStore store;
    private final PerformanceDataRequestRepository requests;
    private final EngagementService engagements;
    private final ServiceLevelSettings settings;
    private final AuditTrail auditTrail;
    private final Clock clock;

    PerformanceDataService(ServiceLevelService serviceLevels, MeasurementService measurements, MeasurementStore store,
            PerformanceDataRequestRepository requests, EngagementService engagements, ServiceLevelSettings settings,
            AuditTrail auditTrail, Clock clock) {
        this.serviceLevels = serviceLevels;
        this.measurements = measurements;
        this.store = store;
        this.requests = requests;
        this.engagements = engagements;
        this.settings = settings;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    /**
     * The timer cycle of the monthly request: from the next due day on (09:00 in the engagement's
     * time zone), every month, for as long as the operational phase runs.
     */
    @Transactional(readOnly = true)
    public String requestCycle(Long engagementId) {
        Engagement engagement = engagements.forProcess(engagementId);
        var now = clock.instant().atZone(engagement.zone());
        var due = YearMonth.from(now).atDay(settings.performanceDataDueDay()).atTime(LocalTime.of(9, 0)).atZone(engagement.zone());
        if (!due.isAfter(now)) {
            due = due.plusMonths(1);
        }
        return "R/" + due.toOffsetDateTime() + "/P1M";
    }

    /** The period whose data falls due now: the month before this one, in the engagement's time zone. */
    @Transactional(readOnly = true)
    public YearMonth periodDueNow(Long engagementId) {
        return YearMonth.now(clock.withZone(engagements.forProcess(engagementId).zone())).minusMonths(1);
    }

    /** The codes of the metrics in force in the period that have no value yet. */
    @Transactional(readOnly = true)
    public List<String> missing(Long engagementId, YearMonth period) {
        Set<String> measured = new java.util.HashSet<>();
        store.current(engagementId, period.toString(), period.toString()).values()
                .forEach(value -> measured.add(MeasurementStore.keyOf(value.metricId(), value.period())));
        return serviceLevels.activeIn(engagementId, period).stream()
                .filter(metric -> !measured.contains(MeasurementStore.keyOf(metric.definition().getMetricId(),
                        period.toString())))
                .map(ServiceLevelService.ActiveMetric::code).toList();
    }

    /**
     * Whom to ask for the period's data: the provider manager, when a value is missing and nobody
     * was asked for this period before (the request is recorded); empty otherwise.
     */
    @Transactional
    public Optional<String> requestIfMissing(Long engagementId, YearMonth period) {
        Engagement engagement = engagements.forProcess(engagementId);
        if (period.isBefore(YearMonth.from(engagement.getFirstTermStart())) || period.isAfter(YearMonth.from(engagement.getTermEnd()))
                || requests.existsByEngagementIdAndPeriod(engagementId, period.toString())) {
            return Optional.empty();
        }
        List<String> missing = missing(engagementId, period);
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        String provider = engagements.holderOf(engagementId, StakeholderRole.PROVIDER_MANAGER);
        requests.save(new PerformanceDataRequest(engagementId, period.toString(), provider, Instant.now(clock)));
        auditTrail.record(EngagementService.AUDIT_TYPE, engagementId, "PERFORMANCE_DATA_REQUESTED",
                period + " from " + provider + ": " + String.join(", ", missing) + " missing");
        return Optional.of(provider);
    }

    /** The form's lines: every metric in force in the period, with what is recorded already. */
    @Transactional(readOnly = true)
    public List<Row> form(Long engagementId, YearMonth period) {
        var current = store.current(engagementId, period.toString(), period.toString());
        return serviceLevels.activeIn(engagementId, period).stream().map(metric -> {
            MetricVersion version = metric.definition();
            var value = current.get(MeasurementStore.keyOf(version.getMetricId(), period.toString()));
            return new Row(metric.code(), version.getName(), version.getUnit(), version.getTarget(),
                    value == null ? null : value.value(), null);
        }).toList();
    }

    /** What the provider submitted in the form, all or nothing; every line needs its value. */
    @Transactional
    public MeasurementService.Ingested submit(Long engagementId, YearMonth period, String field,
            List<Map<String, Object>> rows) {
        List<Violation> violations = new ArrayList<>();
        if (rows.isEmpty()) {
            throw new InvalidInputException(field, "holds no values");
        }
        List<MeasurementInput> inputs = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> row = rows.get(i);
            Object value = row.get("value");
            BigDecimal number = null;
            if (value == null || value.toString().isBlank()) {
                violations.add(new Violation(field + "[" + i + "].value", "is required for " + row.get("metric")));
            } else {
                try {
                    number = new BigDecimal(value.toString().trim());
                } catch (NumberFormatException notANumber) {
                    violations.add(new Violation(field + "[" + i + "].value", "'" + value + "' is not a number"));
                }
            }
            Object comment = row.get("comment");
            inputs.add(new MeasurementInput(row.get("metric") == null ? null : row.get("metric").toString(),
                    period.toString(), number, comment == null || comment.toString().isBlank() ? null : comment.toString()));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return measurements.recordValidated(engagementId, inputs, Measurement.Source.MANUAL_TASK,
                (i, name) -> field + "[" + i + "]" + (name.isEmpty() ? "" : "." + name));
    }
}
