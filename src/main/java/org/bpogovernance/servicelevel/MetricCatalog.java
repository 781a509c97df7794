package org.bpogovernance.servicelevel;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * An engagement's metrics with every version of each, read in one statement. The scorecard, the
 * ingestion and the metric lists all need the whole set; read through JPA it took two queries and
 * the mapping of every version into the persistence context, most of a scorecard's time.
 */
@Component
class MetricCatalog {

    /** A metric with its versions, newest first. */
    record MetricHistory(long id, String code, List<MetricVersion> newestFirst) {

        /** The version in force in the period; null before the first one. */
        MetricVersion inForce(YearMonth period) {
            return ServiceLevelService.inForce(newestFirst, period);
        }

        /** The version in force in the period, unless there is none or it retires the metric. */
        MetricVersion measuredIn(YearMonth period) {
            MetricVersion version = inForce(period);
            return version == null || version.isRetired() ? null : version;
        }
    }

    private final JdbcTemplate jdbc;

    MetricCatalog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The engagement's metrics in the order they were defined. */
    List<MetricHistory> of(Long engagementId) {
        List<MetricHistory> metrics = new ArrayList<>();
        jdbc.query("""
                select s.id, s.code, v.id, v.version, v.effective_from, v.retired, v.name, v.description, v.unit,
                       v.direction, v.target, v.warning_threshold, v.breach_threshold, v.weight, v.credit_percent,
                       v.credit_cap_percent, v.earn_back_periods, v.created_at, v.created_by
                from service_metric s join metric_version v on v.metric_id = s.id
                where s.engagement_id = ?
                order by s.id, v.version desc""", row -> {
            long metricId = row.getLong(1);
            if (metrics.isEmpty() || metrics.get(metrics.size() - 1).id() != metricId) {
                metrics.add(new MetricHistory(metricId, row.getString(2), new ArrayList<>()));
            }
            MetricDefinition definition = new MetricDefinition(row.getString(2), row.getString(7), row.getString(8),
                    row.getString(9), Direction.valueOf(row.getString(10)), row.getBigDecimal(11),
                    row.getBigDecimal(12), row.getBigDecimal(13), row.getBigDecimal(14), row.getBigDecimal(15),
                    row.getBigDecimal(16), row.getInt(17));
            metrics.get(metrics.size() - 1).newestFirst().add(MetricVersion.asStored(row.getLong(3), metricId,
                    row.getInt(4), row.getString(5), row.getBoolean(6), definition,
                    row.getObject(18, OffsetDateTime.class).toInstant(), row.getString(19)));
        }, engagementId);
        return metrics;
    }
}
