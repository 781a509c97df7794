package org.bpogovernance.servicelevel;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bpogovernance.engagement.Engagement;
import org.bpogovernance.engagement.EngagementService;
import org.bpogovernance.platform.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the scorecard of a period from the measurements and the metric versions in force.
 *
 * <ul>
 *   <li>Attainment of a metric: value against target, capped at 100% (higher is better:
 *       value / target; lower is better: target / value). Weighted attainment: the weighted mean
 *       over the metrics that have a value; metrics without one are listed as missing.</li>
 *   <li>Service credits, in percent of one period's fee: each RED period of a metric is a breach
 *       and accrues that version's credit percent, until the metric's credits reach its cap over
 *       the term. A breach's credit is earned back when the metric's next N periods are all GREEN
 *       (N = earn-back periods of the version; 0 = never).</li>
 * </ul>
 * The worked example is in docs/service-levels.md.
 */
@Service
public class ScorecardService {

    static final int TREND_PERIODS = 12;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final MetricCatalog metrics;
    private final MeasurementStore measurements;
    private final EngagementService engagements;

    ScorecardService(MetricCatalog metrics, MeasurementStore measurements, EngagementService engagements) {
        this.metrics = metrics;
        this.measurements = measurements;
        this.engagements = engagements;
    }

    @Transactional(readOnly = true)
    public Scorecard of(Long engagementId, YearMonth period) {
        // Credits run per term: the walk starts where the period's term starts.
        YearMonth termStart = engagements.termStartCovering(engagementId, period).map(YearMonth::from)
                .orElseThrow(() -> outsideTheTerms(engagementId, period));
        List<MetricCatalog.MetricHistory> all = metrics.of(engagementId);
        YearMonth trendFrom = period.minusMonths(TREND_PERIODS - 1L);
        YearMonth from = termStart.isBefore(trendFrom) ? termStart : trendFrom;
        Map<Long, Months> values = new HashMap<>();
        Set<Long> breachedBeforeTrend = new HashSet<>();
        for (MeasurementStore.ScorecardValue value
                : measurements.scorecardValues(engagementId, from.toString(), trendFrom.toString(), period.toString())) {
            values.computeIfAbsent(value.metricId(), id -> new Months(from, period)).put(value);
            if (value.period().compareTo(trendFrom.toString()) < 0) {
                breachedBeforeTrend.add(value.metricId());
            }
        }
        // Whether a breach before the trend was earned back depends on the months after it: read
        // them for the few metrics that have one.
        for (MeasurementStore.ScorecardValue value
                : measurements.healthOf(breachedBeforeTrend, from.toString(), trendFrom.minusMonths(1).toString())) {
            values.get(value.metricId()).put(value);
        }

        List<Scorecard.Line> lines = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        BigDecimal weighted = BigDecimal.ZERO;
        BigDecimal weights = BigDecimal.ZERO;
        BigDecimal dueNow = BigDecimal.ZERO;
        BigDecimal accrued = BigDecimal.ZERO;
        BigDecimal earnedBack = BigDecimal.ZERO;
        for (MetricCatalog.MetricHistory metric : all) {
            MetricVersion version = metric.measuredIn(period);
            if (version == null) {
                continue;
            }
            Months read = values.computeIfAbsent(metric.id(), id -> new Months(from, period));
            int now = read.index(period);
            BigDecimal value = read.values[now];
            BigDecimal attainment = value == null ? null : attainment(version, value);
            if (attainment == null) {
                missing.add(metric.code());
            } else {
                weighted = weighted.add(attainment.multiply(version.getWeight()));
                weights = weights.add(version.getWeight());
            }
            Credits credits = credits(metric.newestFirst(), read, termStart);
            dueNow = dueNow.add(credits.dueThisPeriod());
            accrued = accrued.add(credits.accrued());
            earnedBack = earnedBack.add(credits.earnedBack());
            List<Scorecard.Point> trend = new ArrayList<>();
            for (int i = read.index(trendFrom); i <= now; i++) {
                trend.add(new Scorecard.Point(from.plusMonths(i).toString(), read.values[i], read.health[i]));
            }
            lines.add(new Scorecard.Line(metric.code(), version.getName(), version.getUnit(), version.getDirection(),
                    version.getVersion(), version.getTarget(), version.getWarning(), version.getBreach(),
                    version.getWeight(), value, read.health[now], attainment, credits.dueThisPeriod(), credits.accrued(),
                    credits.earnedBack(), trend));
        }
        BigDecimal weightedAttainment = weights.signum() == 0 ? null
                : weighted.divide(weights, 2, RoundingMode.HALF_UP);
        return new Scorecard(period.toString(), weightedAttainment, missing, dueNow, accrued, earnedBack,
                accrued.subtract(earnedBack), lines);
    }

    private InvalidInputException outsideTheTerms(Long engagementId, YearMonth period) {
        Engagement engagement = engagements.get(engagementId);
        return new InvalidInputException("period", period + " lies outside the terms ("
                + YearMonth.from(engagement.getFirstTermStart()) + " to " + YearMonth.from(engagement.getTermEnd()) + ")");
    }

    /**
     * The weighted attainment of each period from {@code from} to {@code to} (null where no metric
     * has a value), computed as {@link #of} computes it. For read models that have checked who
     * may see the engagement.
     */
    @Transactional(readOnly = true)
    public Map<String, BigDecimal> weightedAttainments(Long engagementId, YearMonth from, YearMonth to) {
        List<MetricCatalog.MetricHistory> all = metrics.of(engagementId);
        Map<Long, Map<String, MeasurementStore.Current>> values = new HashMap<>();
        measurements.current(engagementId, from.toString(), to.toString()).values()
                .forEach(m -> values.computeIfAbsent(m.metricId(), k -> new HashMap<>()).put(m.period(), m));
        Map<String, BigDecimal> attainments = new LinkedHashMap<>();
        for (YearMonth period = from; !period.isAfter(to); period = period.plusMonths(1)) {
            BigDecimal weighted = BigDecimal.ZERO;
            BigDecimal weights = BigDecimal.ZERO;
            for (MetricCatalog.MetricHistory metric : all) {
                MetricVersion version = metric.measuredIn(period);
                MeasurementStore.Current current = values.getOrDefault(metric.id(), Map.of()).get(period.toString());
                if (version != null && current != null) {
                    weighted = weighted.add(attainment(version, current.value()).multiply(version.getWeight()));
                    weights = weights.add(version.getWeight());
                }
            }
            attainments.put(period.toString(), weights.signum() == 0 ? null : weighted.divide(weights, 2, RoundingMode.HALF_UP));
        }
        return attainments;
    }

    /** Value against target, in percent, at most 100; null where it cannot be computed. */
    static BigDecimal attainment(MetricVersion version, BigDecimal value) {
        BigDecimal ratio;
        if (version.getDirection() == Direction.HIGHER_IS_BETTER) {
            if (version.getTarget().signum() == 0) {
                return HUNDRED;
            }
            ratio = value.multiply(HUNDRED).divide(version.getTarget(), 2, RoundingMode.HALF_UP);
        } else {
            if (value.signum() <= 0) {
                return HUNDRED;
            }
            ratio = version.getTarget().multiply(HUNDRED).divide(value, 2, RoundingMode.HALF_UP);
        }
        return ratio.min(HUNDRED).max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
    }

    record Credits(BigDecimal dueThisPeriod, BigDecimal accrued, BigDecimal earnedBack) {
    }

    /** One metric's current values by month, from the first month read to the scorecard's period. */
    static final class Months {
        final YearMonth first;
        final Health[] health;
        final BigDecimal[] values;

        Months(YearMonth first, YearMonth last) {
            this.first = first;
            int size = (int) first.until(last, ChronoUnit.MONTHS) + 1;
            this.health = new Health[size];
            this.values = new BigDecimal[size];
        }

        void put(MeasurementStore.ScorecardValue value) {
            String period = value.period(); // yyyy-mm
            int i = (Integer.parseInt(period, 0, 4, 10) - first.getYear()) * 12
                    + Integer.parseInt(period, 5, 7, 10) - first.getMonthValue();
            health[i] = value.health();
            values[i] = value.value();
        }

        int index(YearMonth month) {
            return (int) first.until(month, ChronoUnit.MONTHS);
        }
    }

    /**
     * Walks the metric's months from the term start to the scorecard's period: each RED one accrues
     * its version's credit up to the cap, and is earned back when the version's earn-back periods
     * right after it are all GREEN (a month without a value breaks the run).
     */
    static Credits credits(List<MetricVersion> history, Months months, YearMonth termStart) {
        BigDecimal accrued = BigDecimal.ZERO;
        BigDecimal earnedBack = BigDecimal.ZERO;
        BigDecimal dueThisPeriod = BigDecimal.ZERO;
        int last = months.health.length - 1;
        for (int i = months.index(termStart); i <= last; i++) {
            if (months.health[i] != Health.RED) {
                continue;
            }
            MetricVersion version = ServiceLevelService.inForce(history, months.first.plusMonths(i));
            if (version == null || version.isRetired()) {
                continue;
            }
            BigDecimal room = version.getCreditCapPercent().subtract(accrued).max(BigDecimal.ZERO);
            BigDecimal credit = version.getCreditPercent().min(room);
            accrued = accrued.add(credit);
            if (i == last) {
                dueThisPeriod = credit;
            }
            int needed = version.getEarnBackPeriods();
            if (needed > 0 && credit.signum() > 0 && i + needed <= last) {
                boolean allGreen = true;
                for (int j = i + 1; j <= i + needed; j++) {
                    allGreen &= months.health[j] == Health.GREEN;
                }
                if (allGreen) {
                    earnedBack = earnedBack.add(credit);
                }
            }
        }
        return new Credits(dueThisPeriod, accrued, earnedBack);
    }
}
