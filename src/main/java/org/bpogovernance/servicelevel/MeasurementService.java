package org.bpogovernance.servicelevel;

import jakarta.validation.Validator;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.bpogovernance.audit.AuditTrail;
import org.bpogovernance.engagement.Engagement;
import org.bpogovernance.engagement.EngagementService;
import org.bpogovernance.engagement.Side;
import org.bpogovernance.platform.BeanValidation;
import org.bpogovernance.platform.InvalidInputException;
import org.bpogovernance.platform.InvalidInputException.Violation;
import org.bpogovernance.platform.PayloadTooLargeException;
import org.bpogovernance.security.CurrentUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes in measurements, all or nothing: any bad value rejects the whole submission with every
 * problem named (by index or line), and nothing is stored. A value already recorded is left as it
 * is (sending a file twice changes nothing); a different value for the same metric and period is a
 * correction that keeps the old one. Each value is rated by the kpi-health decision table against
 * the metric's version in force for its period.
 */
@Service
public class MeasurementService {

    /** What a submission did. */
    public record Ingested(int created, int corrected, int unchanged) {
    }

    private final MetricRepository metrics;
    private final MeasurementRepository measurements;
    private final ServiceLevelService serviceLevels;
    private final HealthRules healthRules;
    private final EngagementService engagements;
    private final Validator validator;
    private final AuditTrail auditTrail;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final long maxUploadBytes;
    private final ApplicationEventPublisher events;

    MeasurementService(MetricRepository metrics, MeasurementRepository measurements, ServiceLevelService serviceLevels,
            HealthRules healthRules, EngagementService engagements, Validator validator, AuditTrail auditTrail,
            CurrentUser currentUser, Clock clock,
            @Value("${governance.measurements.max-upload-bytes:16777216}") long maxUploadBytes,
            ApplicationEventPublisher events) {
        this.events = events;
        this.metrics = metrics;
        this.measurements = measurements;
        this.serviceLevels = serviceLevels;
        this.healthRules = healthRules;
        this.engagements = engagements;
        this.validator = validator;
        this.auditTrail = auditTrail;
        this.currentUser = currentUser;
        this.clock = clock;
        this.maxUploadBytes = maxUploadBytes;
    }

    @Transactional
    public Ingested recordJson(Long engagementId, List<MeasurementInput> inputs, Measurement.Source source) {
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            String prefix = "[" + i + "].";
            if (inputs.get(i) == null) {
                violations.add(new Violation("[" + i + "]", "is empty"));
                continue;
            }
            BeanValidation.violations(validator, inputs.get(i)).forEach(v ->
                    violations.add(new Violation(prefix + v.field(), v.message())));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return record(engagementId, inputs, source, (i, field) -> "[" + i + "]." + field, List.of());
    }

    @Transactional
    public Ingested recordCsv(Long engagementId, InputStream file, long declaredBytes) {
        authorize(engagementId);
        if (declaredBytes > maxUploadBytes) {
            throw new PayloadTooLargeException("The file has " + declaredBytes + " bytes, more than "
                    + maxUploadBytes + " (governance.measurements.max-upload-bytes); nothing was stored.");
        }
        MeasurementCsv.Parsed parsed = MeasurementCsv.read(file, maxUploadBytes);
        List<Violation> violations = new ArrayList<>(parsed.unreadable());
        List<MeasurementCsv.Line> lines = new ArrayList<>();
        for (MeasurementCsv.Line line : parsed.lines()) {
            List<Violation> invalid = BeanValidation.violations(validator, line.input());
            invalid.forEach(v -> violations.add(new Violation("line " + line.number(), v.field() + " " + v.message())));
            if (invalid.isEmpty()) {
                lines.add(line);
            }
        }
        // Every bad line at once: unreadable ones, and those naming an unknown metric or period.
        return record(engagementId, lines.stream().map(MeasurementCsv.Line::input).toList(), Measurement.Source.CSV,
                (i, field) -> "line " + lines.get(i).number(), violations);
    }

    @Transactional(readOnly = true)
    public List<Measurement> of(Long engagementId, boolean withHistory) {
        engagements.get(engagementId);
        List<Long> ids = metrics.findByEngagementIdOrderByIdAsc(engagementId).stream().map(ServiceMetric::getId).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        return withHistory ? measurements.findByMetricIdInOrderByPeriodAscIdAsc(ids)
                : measurements.findByMetricIdInAndSupersededAtIsNullOrderByPeriodAscMetricIdAsc(ids);
    }

    private Ingested record(Long engagementId, List<MeasurementInput> inputs, Measurement.Source source,
            BiFunction<Integer, String, String> where, List<Violation> earlier) {
        Engagement engagement = authorize(engagementId);
        if (inputs.isEmpty() && earlier.isEmpty()) {
            throw new InvalidInputException("body", "holds no measurements");
        }
        Map<String, ServiceMetric> byCode = new HashMap<>();
        metrics.findByEngagementIdOrderByIdAsc(engagementId).forEach(m -> byCode.put(m.getCode(), m));
        Map<Long, List<MetricVersion>> versions = serviceLevels.versionsByMetric(
                byCode.values().stream().map(ServiceMetric::getId).toList());
        YearMonth firstPeriod = YearMonth.from(engagement.getTermStart());
        YearMonth lastPeriod = YearMonth.from(engagement.getTermEnd());

        List<Violation> violations = new ArrayList<>(earlier);
        List<MetricVersion> ratedBy = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            MeasurementInput input = inputs.get(i);
            ServiceMetric metric = byCode.get(input.metric().trim());
            YearMonth period = YearMonth.parse(input.period());
            MetricVersion version = metric == null ? null
                    : ServiceLevelService.inForce(versions.getOrDefault(metric.getId(), List.of()), period);
            if (metric == null) {
                violations.add(new Violation(where.apply(i, "metric"), "'" + input.metric() + "' is not a metric of this engagement"));
            } else if (period.isBefore(firstPeriod) || period.isAfter(lastPeriod)) {
                violations.add(new Violation(where.apply(i, "period"), input.period() + " lies outside the term ("
                        + firstPeriod + " to " + lastPeriod + ")"));
            } else if (version == null || version.isRetired()) {
                violations.add(new Violation(where.apply(i, "period"), "'" + input.metric() + "' is not measured in "
                        + input.period()));
            }
            Integer first = seen.putIfAbsent(input.metric().trim() + "@" + input.period(), i);
            if (first != null) {
                violations.add(new Violation(where.apply(i, "metric"), "repeats " + where.apply(first, "metric")
                        + " (" + input.metric() + ", " + input.period() + ")"));
            }
            ratedBy.add(version);
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }

        Set<Long> metricIds = new HashSet<>();
        Set<String> periods = new HashSet<>();
        for (MeasurementInput input : inputs) {
            metricIds.add(byCode.get(input.metric().trim()).getId());
            periods.add(input.period());
        }
        Map<String, Measurement> current = new HashMap<>();
        measurements.findByMetricIdInAndPeriodInAndSupersededAtIsNull(metricIds, periods)
                .forEach(m -> current.put(m.getMetricId() + "@" + m.getPeriod(), m));

        Instant now = Instant.now(clock);
        String by = currentUser.idOrSystem();
        List<Rated> recorded = new ArrayList<>();
        int created = 0;
        int corrected = 0;
        int unchanged = 0;
        for (int i = 0; i < inputs.size(); i++) {
            MeasurementInput input = inputs.get(i);
            ServiceMetric metric = byCode.get(input.metric().trim());
            Measurement existing = current.get(metric.getId() + "@" + input.period());
            if (existing != null && existing.getValue().compareTo(input.value()) == 0) {
                unchanged++;
                continue;
            }
            if (existing != null) {
                existing.supersede(now);
                measurements.save(existing);
                corrected++;
            } else {
                created++;
            }
            MetricVersion version = ratedBy.get(i);
            recorded.add(new Rated(metric.getCode(), version, measurements.save(new Measurement(metric.getId(),
                    version.getId(), input.period(), input.value(), healthRules.rate(version, input.value()), source,
                    input.comment(), by, now))));
        }
        announceBreaches(engagementId, recorded);
        if (created + corrected > 0) {
            auditTrail.record(EngagementService.AUDIT_TYPE, engagementId, "MEASUREMENTS_RECORDED",
                    source + ": " + created + " new, " + corrected + " corrected, " + unchanged + " unchanged");
        }
        return new Ingested(created, corrected, unchanged);
    }

    /** A stored value with the metric code and version it was rated by. */
    private record Rated(String code, MetricVersion version, Measurement measurement) {
    }

    /**
     * A RED value is a breach; an AMBER one after two AMBER periods is a repeated warning. The
     * earlier periods of all AMBER values are read in one query.
     */
    private void announceBreaches(Long engagementId, List<Rated> recorded) {
        List<Rated> amber = recorded.stream().filter(r -> r.measurement().getHealth() == Health.AMBER).toList();
        Set<String> amberBefore = new HashSet<>();
        if (!amber.isEmpty()) {
            Set<Long> ids = new HashSet<>();
            Set<String> periods = new HashSet<>();
            for (Rated r : amber) {
                ids.add(r.measurement().getMetricId());
                YearMonth period = YearMonth.parse(r.measurement().getPeriod());
                periods.add(period.minusMonths(1).toString());
                periods.add(period.minusMonths(2).toString());
            }
            measurements.findByMetricIdInAndPeriodInAndSupersededAtIsNull(ids, periods).stream()
                    .filter(m -> m.getHealth() == Health.AMBER)
                    .forEach(m -> amberBefore.add(m.getMetricId() + "@" + m.getPeriod()));
        }
        for (Rated r : recorded) {
            Measurement m = r.measurement();
            YearMonth period = YearMonth.parse(m.getPeriod());
            if (m.getHealth() == Health.RED) {
                events.publishEvent(new ServiceLevelBreached(engagementId, r.code(), r.version().getName(),
                        m.getPeriod(), ServiceLevelBreached.KPI_BREACH, "HIGH"));
            } else if (m.getHealth() == Health.AMBER
                    && amberBefore.contains(m.getMetricId() + "@" + period.minusMonths(1))
                    && amberBefore.contains(m.getMetricId() + "@" + period.minusMonths(2))) {
                events.publishEvent(new ServiceLevelBreached(engagementId, r.code(), r.version().getName(),
                        m.getPeriod(), ServiceLevelBreached.REPEATED_WARNINGS, "MEDIUM"));
            }
        }
    }

    /** Officers, and the provider's side of the engagement (whose systems feed the data). */
    private Engagement authorize(Long engagementId) {
        Engagement engagement = engagements.get(engagementId);
        if (!currentUser.seesEverything()) {
            String user = currentUser.idOrSystem();
            boolean providerSide = engagements.stakeholdersOf(engagementId).stream()
                    .anyMatch(s -> s.getUserId().equals(user) && s.getSide() == Side.PROVIDER);
            if (!providerSide) {
                throw new AccessDeniedException("only officers and the provider's stakeholders submit measurements");
            }
        }
        return engagement;
    }
}
