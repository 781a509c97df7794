package org.bpogovernance.servicelevel;

import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bpogovernance.audit.AuditTrail;
import org.bpogovernance.engagement.Engagement;
import org.bpogovernance.engagement.EngagementService;
import org.bpogovernance.platform.BeanValidation;
import org.bpogovernance.platform.InvalidInputException.Violation;
import org.bpogovernance.platform.InvalidInputException;
import org.bpogovernance.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An engagement's service metrics. The set is defined as a whole from a period on: a changed
 * metric gets a new version, a new one its first, an omitted one is retired; nothing already
 * measured is rewritten. The active weights must total 100.
 */
@Service
public class ServiceLevelService {

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** A metric as in force in a period: its code and the version that applies. */
    public record ActiveMetric(String code, MetricVersion definition) {
    }

    private final MetricRepository metrics;
    private final MetricVersionRepository versions;
    private final MetricCatalog catalog;
    private final EngagementService engagements;
    private final Validator validator;
    private final AuditTrail auditTrail;
    private final CurrentUser currentUser;
    private final Clock clock;

    ServiceLevelService(MetricRepository metrics, MetricVersionRepository versions, MetricCatalog catalog,
            EngagementService engagements, Validator validator, AuditTrail auditTrail, CurrentUser currentUser,
            Clock clock) {
        this.metrics = metrics;
        this.versions = versions;
        this.catalog = catalog;
        this.engagements = engagements;
        this.validator = validator;
        this.auditTrail = auditTrail;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** New target and thresholds for one metric, as a renewal agrees them. */
    public record ThresholdChange(String code, BigDecimal target, BigDecimal warning, BigDecimal breach) {
    }

    /**
     * Checks changes of targets and thresholds against the metrics as they stand at the end of the
     * current term: each names one of them once, has all three numbers, in the metric's order.
     * Errors name {@code field[i].code} and so on.
     */
    @Transactional(readOnly = true)
    public void checkThresholdChanges(Long engagementId, String field, List<ThresholdChange> changes) {
        Engagement engagement = engagements.forProcess(engagementId);
        Map<String, MetricDefinition> current = new HashMap<>();
        activeIn(engagementId, YearMonth.from(engagement.getTermEnd()))
                .forEach(metric -> current.put(metric.code(), definitionOf(metric)));
        List<Violation> violations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < changes.size(); i++) {
            ThresholdChange change = changes.get(i);
            String path = field + "[" + i + "]";
            MetricDefinition definition = change.code() == null ? null : current.get(change.code().trim());
            if (definition == null) {
                violations.add(new Violation(path + ".code", "'" + change.code() + "' is not a metric in force; metrics are "
                        + current.keySet().stream().sorted().toList()));
                continue;
            }
            if (!seen.add(definition.code())) {
                violations.add(new Violation(path + ".code", definition.code() + " is changed twice"));
            }
            if (change.target() == null || change.warning() == null || change.breach() == null) {
                violations.add(new Violation(path, "needs the target, the warning and the breach threshold"));
                continue;
            }
            thresholdsInOrder(changed(definition, change), path, violations);
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }

    /** Applies the changes from a period on, as new versions; the other metrics stay as they are. */
    @Transactional
    public void changeThresholds(Long engagementId, YearMonth from, List<ThresholdChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        Map<String, ThresholdChange> byCode = new HashMap<>();
        changes.forEach(change -> byCode.put(change.code().trim(), change));
        List<MetricDefinition> set = activeIn(engagementId, from).stream()
                .map(metric -> {
                    MetricDefinition definition = definitionOf(metric);
                    ThresholdChange change = byCode.get(metric.code());
                    return change == null ? definition : changed(definition, change);
                }).toList();
        define(engagements.forProcess(engagementId), new MetricSetRequest(from, set));
    }

    private static MetricDefinition definitionOf(ActiveMetric metric) {
        MetricDefinition definition = metric.definition().definition();
        return new MetricDefinition(metric.code(), definition.name(), definition.description(), definition.unit(),
                definition.direction(), definition.target(), definition.warning(), definition.breach(), definition.weight(),
                definition.creditPercentPerBreach(), definition.creditCapPercent(), definition.earnBackAfterGoodPeriods());
    }

    private static MetricDefinition changed(MetricDefinition definition, ThresholdChange change) {
        return new MetricDefinition(definition.code(), definition.name(), definition.description(), definition.unit(),
                definition.direction(), change.target(), change.warning(), change.breach(), definition.weight(),
                definition.creditPercentPerBreach(), definition.creditCapPercent(), definition.earnBackAfterGoodPeriods());
    }

    @Transactional
    public List<ActiveMetric> define(Long engagementId, MetricSetRequest request) {
        return define(engagements.get(engagementId), request);
    }

    private List<ActiveMetric> define(Engagement engagement, MetricSetRequest request) {
        Long engagementId = engagement.getId();
        engagement.requireOpen();
        check(engagement, request);
        Map<String, ServiceMetric> existing = new HashMap<>();
        metrics.findByEngagementIdOrderByIdAsc(engagementId).forEach(m -> existing.put(m.getCode(), m));
        Map<Long, MetricVersion> latest = latestVersions(existing.values().stream().map(ServiceMetric::getId).toList());
        for (MetricVersion version : latest.values()) {
            if (version.getEffectiveFrom().compareTo(request.effectiveFrom().toString()) > 0) {
                throw new InvalidInputException("effectiveFrom", "must not be before " + version.getEffectiveFrom()
                        + ", when the metrics were last changed");
            }
        }
        Instant now = Instant.now(clock);
        String by = currentUser.idOrSystem();
        List<String> changes = new ArrayList<>();
        Set<String> kept = new HashSet<>();
        for (MetricDefinition definition : request.metrics()) {
            String code = definition.code().trim();
            kept.add(code);
            ServiceMetric metric = existing.get(code);
            if (metric == null) {
                metric = metrics.save(new ServiceMetric(engagementId, code));
                versions.save(new MetricVersion(metric.getId(), 1, request.effectiveFrom(), definition, now, by));
                changes.add(code + " added");
                continue;
            }
            MetricVersion current = latest.get(metric.getId());
            if (current.isRetired() || !current.definition().sameAs(definition)) {
                versions.save(new MetricVersion(metric.getId(), current.getVersion() + 1, request.effectiveFrom(),
                        definition, now, by));
                changes.add(code + " version " + (current.getVersion() + 1));
            }
        }
        for (ServiceMetric metric : existing.values()) {
            MetricVersion current = latest.get(metric.getId());
            if (!kept.contains(metric.getCode()) && !current.isRetired()) {
                versions.save(MetricVersion.retirement(current, request.effectiveFrom(), now, by));
                changes.add(metric.getCode() + " retired");
            }
        }
        if (!changes.isEmpty()) {
            auditTrail.record(EngagementService.AUDIT_TYPE, engagementId, "METRICS_DEFINED",
                    "from " + request.effectiveFrom() + ": " + String.join(", ", changes));
        }
        return activeIn(engagementId, request.effectiveFrom());
    }

    /** The metrics in force in a period, each with the version that applies then. */
    @Transactional(readOnly = true)
    public List<ActiveMetric> active(Long engagementId, YearMonth period) {
        engagements.get(engagementId);
        return activeIn(engagementId, period);
    }

    List<ActiveMetric> activeIn(Long engagementId, YearMonth period) {
        List<ActiveMetric> active = new ArrayList<>();
        for (MetricCatalog.MetricHistory metric : catalog.of(engagementId)) {
            MetricVersion inForce = metric.measuredIn(period);
            if (inForce != null) {
                active.add(new ActiveMetric(metric.code(), inForce));
            }
        }
        return active;
    }

    private Map<Long, List<MetricVersion>> versionsByMetric(List<Long> metricIds) {
        Map<Long, List<MetricVersion>> byMetric = new LinkedHashMap<>();
        if (!metricIds.isEmpty()) {
            versions.findByMetricIdInOrderByVersionDesc(metricIds)
                    .forEach(v -> byMetric.computeIfAbsent(v.getMetricId(), k -> new ArrayList<>()).add(v));
        }
        return byMetric;
    }

    /** The highest version effective on or before the period; versions come newest first. */
    static MetricVersion inForce(List<MetricVersion> newestFirst, YearMonth period) {
        return newestFirst.stream().filter(v -> v.getEffectiveFrom().compareTo(period.toString()) <= 0)
                .findFirst().orElse(null);
    }

    private Map<Long, MetricVersion> latestVersions(List<Long> metricIds) {
        Map<Long, MetricVersion> latest = new HashMap<>();
        versionsByMetric(metricIds).forEach((id, list) -> latest.put(id, list.get(0)));
        return latest;
    }

    private void check(Engagement engagement, MetricSetRequest request) {
        if (request == null) {
            throw new InvalidInputException("body", "is missing");
        }
        List<Violation> violations = BeanValidation.violations(validator, request);
        if (request.effectiveFrom() != null) {
            YearMonth first = YearMonth.from(engagement.getTermStart());
            YearMonth last = YearMonth.from(engagement.getTermEnd());
            if (request.effectiveFrom().isBefore(first) || request.effectiveFrom().isAfter(last)) {
                violations.add(new Violation("effectiveFrom", "must lie within the term (" + first + " to " + last + ")"));
            }
        }
        if (request.metrics() != null) {
            Set<String> codes = new HashSet<>();
            BigDecimal totalWeight = BigDecimal.ZERO;
            for (int i = 0; i < request.metrics().size(); i++) {
                MetricDefinition metric = request.metrics().get(i);
                if (metric == null) {
                    violations.add(new Violation("metrics[" + i + "]", "is empty"));
                    continue;
                }
                if (metric.code() != null && !codes.add(metric.code().trim())) {
                    violations.add(new Violation("metrics[" + i + "].code", "appears twice: " + metric.code()));
                }
                thresholdsInOrder(metric, "metrics[" + i + "]", violations);
                if (metric.weight() != null) {
                    totalWeight = totalWeight.add(metric.weight());
                }
            }
            if (totalWeight.compareTo(HUNDRED) != 0 && !request.metrics().isEmpty()) {
                violations.add(new Violation("metrics", "weights total " + totalWeight.stripTrailingZeros().toPlainString()
                        + "; they must total 100"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }

    private static void thresholdsInOrder(MetricDefinition metric, String path, List<Violation> violations) {
        if (metric.direction() == null || metric.target() == null || metric.warning() == null || metric.breach() == null) {
            return;
        }
        boolean higher = metric.direction() == Direction.HIGHER_IS_BETTER;
        String side = higher ? "at or below" : "at or above";
        if (higher ? metric.warning().compareTo(metric.target()) > 0 : metric.warning().compareTo(metric.target()) < 0) {
            violations.add(new Violation(path + ".warning", "must lie " + side + " the target for a metric where "
                    + (higher ? "higher" : "lower") + " is better"));
        }
        if (higher ? metric.breach().compareTo(metric.warning()) > 0 : metric.breach().compareTo(metric.warning()) < 0) {
            violations.add(new Violation(path + ".breach", "must lie " + side + " the warning threshold for a metric where "
                    + (higher ? "higher" : "lower") + " is better"));
        }
    }
}
