package org.bpogovernance.servicelevel;

import jakarta.validation.Validator;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.bpogovernance.audit.AuditTrail;
import org.bpogovernance.engagement.Engagement;
import org.bpogovernance.engagement.EngagementService;
import org.bpogovernance.engagement.Side;
import org.bpogovernance.platform.BeanValidation;
import org.bpogovernance.platform.InvalidInputException.Violation;
import org.bpogovernance.platform.InvalidInputException;
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
    private final MetricCatalog catalog;
    private final HealthRules healthRules;
    private final MeasurementStore store;
    private final EngagementService engagements;
    private final Validator validator;
    private final AuditTrail auditTrail;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final long maxUploadBytes;
    private final ApplicationEventPublisher events;

    MeasurementService(MetricRepository metrics, MeasurementRepository measurements, MetricCatalog catalog,
            HealthRules healthRules, MeasurementStore store, EngagementService engagements, Validator validator, AuditTrail auditTrail,
            CurrentUser currentUser, Clock clock,
            @Value("${governance.measurements.max-upload-bytes:16777216}") long maxUploadBytes,
            ApplicationEventPublisher events) {
        this.events = events;
        this.metrics = metrics;
        this.measurements = measurements;
        this.catalog = catalog;
        this.healthRules = healthRules;
        this.store = store;
        this.engagements = engagements;
        this.validator = validator;
        this.auditTrail = auditTrail;
        this.currentUser = currentUser;
        this.clock = clock;
        this.maxUploadBytes = maxUploadBytes;
    }

    @Transactional
    public Ingested recordJson(Long engagementId, List<MeasurementInput> inputs, Measurement.Source source) {
        return recordValidated(engagementId, inputs, source, (i, field) -> "[" + i + "]" + (field.isEmpty() ? "" : "." + field));
    }

    /**
     * Checks who sends them (someone of another engagement is told it is not found, before anything
     * about the input), then each input's fields, then records them all or nothing; {@code where}
     * names an input's field in errors.
     */
    @Transactional
    Ingested recordValidated(Long engagementId, List<MeasurementInput> inputs, Measurement.Source source,
            BiFunction<Integer, String, String> where) {
        authorize(engagementId);
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            int index = i;
            if (inputs.get(i) == null) {
                violations.add(new Violation(where.apply(i, ""), "is empty"));
                continue;
            }
            BeanValidation.violations(validator, inputs.get(i)).forEach(v ->
                    violations.add(new Violation(where.apply(index, v.field()), v.message())));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return record(engagementId, inputs, source, where, List.of());
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
        Map<String, MetricCatalog.MetricHistory> byCode = new HashMap<>();
        catalog.of(engagementId).forEach(m -> byCode.put(m.code(), m));
        // Every term on record: a late value or a correction of the last term is still taken after a renewal.
        YearMonth firstPeriod = YearMonth.from(engagement.getFirstTermStart());
        YearMonth lastPeriod = YearMonth.from(engagement.getTermEnd());

        List<Violation> violations = new ArrayList<>(earlier);
        List<MetricVersion> ratedBy = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            MeasurementInput input = inputs.get(i);
            MetricCatalog.MetricHistory metric = byCode.get(input.metric().trim());
            YearMonth period = YearMonth.parse(input.period());
            MetricVersion version = metric == null ? null : metric.inForce(period);
            if (metric == null) {
                violations.add(new Violation(where.apply(i, "metric"), "'" + input.metric() + "' is not a metric of this engagement"));
            } else if (period.isBefore(firstPeriod) || period.isAfter(lastPeriod)) {
                violations.add(new Violation(where.apply(i, "period"), input.period() + " lies outside the terms ("
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

        store.lockValuesOf(engagementId);
        // Current values from two periods before the earliest one to two after the latest: for
        // corrections and for spotting three warnings in a row around a late or corrected value.
        String from = inputs.stream().map(MeasurementInput::period).min(String::compareTo).orElseThrow();
        String to = inputs.stream().map(MeasurementInput::period).max(String::compareTo).orElseThrow();
        Map<String, MeasurementStore.Current> current = store.current(engagementId,
                YearMonth.parse(from).minusMonths(2).toString(), YearMonth.parse(to).plusMonths(2).toString());

        Instant now = Instant.now(clock);
        HealthRules.Rater rater = healthRules.rater();
        List<Long> superseded = new ArrayList<>();
        List<MeasurementStore.NewValue> created = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        int unchanged = 0;
        for (int i = 0; i < inputs.size(); i++) {
            MeasurementInput input = inputs.get(i);
            MetricCatalog.MetricHistory metric = byCode.get(input.metric().trim());
            MeasurementStore.Current existing = current.get(MeasurementStore.keyOf(metric.id(), input.period()));
            BigDecimal value = input.storedValue();
            if (existing != null && existing.value().compareTo(value) == 0) {
                unchanged++;
                continue;
            }
            if (existing != null) {
                superseded.add(existing.id());
            }
            MetricVersion version = ratedBy.get(i);
            created.add(new MeasurementStore.NewValue(metric.id(), version.getId(), input.period(), value,
                    rater.rate(version, value), source, input.comment(), rater.rule()));
            codes.add(metric.code());
        }
        store.supersede(superseded, now);
        store.insert(created, currentUser.idOrSystem(), now);
        announceBreaches(engagementId, created, codes, ratedBy, current);
        int corrected = superseded.size();
        if (!created.isEmpty()) {
            auditTrail.record(EngagementService.AUDIT_TYPE, engagementId, "MEASUREMENTS_RECORDED",
                    source + ": " + (created.size() - corrected) + " new, " + corrected + " corrected, "
                            + unchanged + " unchanged");
        }
        return new Ingested(created.size() - corrected, corrected, unchanged);
    }

    /**
     * A RED value is a breach; an AMBER one that completes three AMBER periods in a row is a
     * repeated warning, named by the run's last period (a late or corrected month can complete a run
     * with later ones). The other periods come from what was stored before, and from this submission.
     */
    private void announceBreaches(Long engagementId, List<MeasurementStore.NewValue> created, List<String> codes,
            List<MetricVersion> versions, Map<String, MeasurementStore.Current> before) {
        Map<String, Health> health = new HashMap<>();
        before.values().forEach(value -> health.put(value.key(), value.health()));
        created.forEach(value -> health.put(MeasurementStore.keyOf(value.metricId(), value.period()), value.health()));
        Map<Long, String> names = new HashMap<>();
        versions.stream().filter(java.util.Objects::nonNull).forEach(v -> names.put(v.getId(), v.getName()));
        for (int i = 0; i < created.size(); i++) {
            MeasurementStore.NewValue value = created.get(i);
            YearMonth period = YearMonth.parse(value.period());
            String name = names.get(value.metricVersionId());
            if (value.health() == Health.RED) {
                events.publishEvent(new ServiceLevelBreached(engagementId, codes.get(i), name, value.period(),
                        ServiceLevelBreached.KPI_BREACH, "HIGH", HealthRules.inWords(value.healthRule())));
            } else if (value.health() == Health.AMBER) {
                // Every run of three that this value completes: it may be the last, middle or first month.
                for (int last = 0; last <= 2; last++) {
                    YearMonth end = period.plusMonths(last);
                    if (amber(health, value.metricId(), end) && amber(health, value.metricId(), end.minusMonths(1))
                            && amber(health, value.metricId(), end.minusMonths(2))) {
                        events.publishEvent(new ServiceLevelBreached(engagementId, codes.get(i), name, end.toString(),
                                ServiceLevelBreached.REPEATED_WARNINGS, "MEDIUM", HealthRules.inWords(value.healthRule())));
                    }
                }
            }
        }
    }

    private static boolean amber(Map<String, Health> health, long metricId, YearMonth period) {
        return health.get(MeasurementStore.keyOf(metricId, period.toString())) == Health.AMBER;
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
