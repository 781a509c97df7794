package org.bpogovernance.servicelevel;

import java.math.BigDecimal;
import java.util.List;

/**
 * An engagement's service levels in one period: each metric's value against its target and
 * thresholds, its trend over the last 12 periods, the weighted attainment, and service credits
 * (in percent of one period's fee) due, earned back and net.
 */
public record Scorecard(String period, BigDecimal weightedAttainment, List<String> missingMetrics,
        BigDecimal creditsDueThisPeriod, BigDecimal creditsAccruedToDate, BigDecimal creditsEarnedBackToDate,
        BigDecimal netCreditsToDate, List<Line> metrics) {

    public record Line(String code, String name, String unit, Direction direction, int version, BigDecimal target,
            BigDecimal warning, BigDecimal breach, BigDecimal weight, BigDecimal value, Health health,
            BigDecimal attainment, BigDecimal creditDueThisPeriod, BigDecimal creditsAccruedToDate,
            BigDecimal creditsEarnedBackToDate, List<Point> trend) {
    }

    public record Point(String period, BigDecimal value, Health health) {
    }
}
