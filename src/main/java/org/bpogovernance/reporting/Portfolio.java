package org.bpogovernance.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.bpogovernance.engagement.Phase;

/**
 * The engagements a person may see, as management reads them: a summary over all of them and a
 * page of engagements with their figures. {@code health} is the worst RAG status of the latest
 * period with measurements (null: none in the last 13 months, and {@code noDataReason} says why), and
 * {@code healthConcerns} names the metrics that made it amber or red; a renewal is due within N days when the
 * notice date is at most N days away (or has passed) and the engagement is not exiting or closed.
 */
public record Portfolio(LocalDate asOf, Summary summary, List<Entry> engagements, PageInfo page) {

    public record Summary(long engagements, Map<Phase, Long> byPhase, Map<String, Long> byHealth,
            long overdueActionItems, Map<Integer, Long> openEscalationsByLevel, long renewalsDueWithin90Days,
            long renewalsDueWithin180Days) {
    }

    public record Entry(Long id, String name, String client, String provider, String contractReference, Phase phase,
            String health, String healthPeriod, List<MetricConcern> healthConcerns, String noDataReason,
            List<AttainmentPoint> attainmentTrend, NextCall nextCall,
            long overdueActionItems, Map<Integer, Long> openEscalationsByLevel, LocalDate termEnd,
            LocalDate noticeDate, long daysToNoticeDate, boolean renewalDueWithin90Days,
            boolean renewalDueWithin180Days, BigDecimal relationshipIndex, BigDecimal relationshipGap,
            boolean relationshipAtRisk, long sharedAchievements, String lifecycleProcessInstanceId) {

        public long openEscalations() {
            return openEscalationsByLevel.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** A metric rated amber or red in the period the engagement's health comes from. */
    public record MetricConcern(String metric, String health, BigDecimal measured, BigDecimal target, String unit) {
    }

    public record AttainmentPoint(String period, BigDecimal weightedAttainment) {
    }

    /** {@code startsAt} carries the offset of {@code timeZone}, the engagement's zone the meeting is planned in. */
    public record NextCall(String title, OffsetDateTime startsAt, String timeZone) {
    }

    public record PageInfo(int number, int size, long totalElements, int totalPages) {
    }
}
