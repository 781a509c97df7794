package org.bpogovernance.servicelevel;

/**
 * A metric breached its threshold in a period, or warned three periods in a row; published in
 * the transaction that recorded the measurement, so the escalation starts exactly when it did.
 */
public record ServiceLevelBreached(Long engagementId, String metricCode, String metricName, String period,
        String trigger, String severity, String ratedBy) {

    public static final String KPI_BREACH = "KPI_BREACH";
    public static final String REPEATED_WARNINGS = "REPEATED_WARNINGS";
}
