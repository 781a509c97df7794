package org.bpogovernance.servicelevel;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Bulk reads and writes of measurements with JDBC batches, in the caller's transaction. A file
 * of 100 000 values would otherwise cost 100 000 single inserts: the measurement ids come from
 * an identity column, which keeps JPA from batching them.
 */
@Component
class MeasurementStore {

    private static final int BATCH = 1000;

    /** A value as stored now (not superseded). */
    record Current(long id, long metricId, String period, BigDecimal value, Health health) {
        String key() {
            return keyOf(metricId, period);
        }
    }

    record NewValue(long metricId, long metricVersionId, String period, BigDecimal value, Health health,
            Measurement.Source source, String comment, String healthRule) {
    }

    private final JdbcTemplate jdbc;

    MeasurementStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    static String keyOf(long metricId, String period) {
        return metricId + "@" + period;
    }

    /**
     * Makes the engagement's submissions wait for each other until this transaction ends, so two
     * at once (a feed and the provider's form) never both store a current value for one period.
     */
    void lockValuesOf(Long engagementId) {
        jdbc.queryForList("select id from engagement where id = ? for update", Long.class, engagementId);
    }

    /** The engagement's current values from one period to another (yyyy-mm, inclusive), by {@link #keyOf}. */
    Map<String, Current> current(Long engagementId, String fromPeriod, String toPeriod) {
        Map<String, Current> current = new HashMap<>();
        jdbc.query("""
                select m.id, m.metric_id, m.period, m.measured_value, m.health from measurement m
                join service_metric s on s.id = m.metric_id
                where s.engagement_id = ? and m.superseded_at is null and m.period between ? and ?""",
                row -> {
                    Current value = new Current(row.getLong(1), row.getLong(2), row.getString(3), row.getBigDecimal(4),
                            Health.valueOf(row.getString(5)));
                    current.put(value.key(), value);
                }, engagementId, fromPeriod, toPeriod);
        return current;
    }

    /**
     * A current value the scorecard reads: those of the trend periods, and every RED one of the
     * term with the number of GREEN periods that follow it without a gap (what earning its credit
     * back depends on).
     */
    record ScorecardValue(long metricId, String period, BigDecimal value, Health health, int greenPeriodsAfter) {
    }

    /**
     * In one statement: the values from {@code trendFrom} to {@code to} and the RED values from
     * {@code termStart}, each RED one with the length of the unbroken run of GREEN periods after it
     * (up to {@code to}). The credit walk needs nothing else of the term's earlier GREEN periods.
     */
    List<ScorecardValue> scorecardValues(Long engagementId, String termStart, String trendFrom, String to) {
        String from = termStart.compareTo(trendFrom) < 0 ? termStart : trendFrom;
        return jdbc.query("""
                with term as (
                  select m.metric_id, m.period, m.measured_value, m.health,
                         cast(substring(m.period, 1, 4) as integer) * 12 + cast(substring(m.period, 6, 2) as integer) as month_no
                  from measurement m join service_metric s on s.id = m.metric_id
                  where s.engagement_id = ? and m.superseded_at is null and m.period between ? and ?),
                green_runs as (
                  select metric_id, min(month_no) as first_month, count(*) as length
                  from (select metric_id, month_no,
                               month_no - row_number() over (partition by metric_id order by month_no) as run
                        from term where health = 'GREEN') green
                  group by metric_id, run)
                select t.metric_id, t.period, t.measured_value, t.health, coalesce(r.length, 0)
                from term t left join green_runs r on r.metric_id = t.metric_id and r.first_month = t.month_no + 1
                where t.period >= ? or (t.health = 'RED' and t.period >= ?)
                order by t.metric_id, t.period""",
                (row, i) -> new ScorecardValue(row.getLong(1), row.getString(2), row.getBigDecimal(3),
                        Health.valueOf(row.getString(4)), row.getInt(5)),
                engagementId, from, to, trendFrom, termStart);
    }

    void supersede(List<Long> ids, Instant at) {
        OffsetDateTime when = at.atOffset(ZoneOffset.UTC);
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + BATCH));
            jdbc.batchUpdate("update measurement set superseded_at = ? where id = ?", chunk, chunk.size(),
                    (statement, id) -> {
                        statement.setObject(1, when);
                        statement.setLong(2, id);
                    });
        }
    }

    void insert(List<NewValue> values, String recordedBy, Instant recordedAt) {
        OffsetDateTime when = recordedAt.atOffset(ZoneOffset.UTC);
        for (int from = 0; from < values.size(); from += BATCH) {
            List<NewValue> chunk = values.subList(from, Math.min(values.size(), from + BATCH));
            jdbc.batchUpdate("""
                    insert into measurement (metric_id, metric_version_id, period, measured_value, health, source,
                        comment_text, recorded_by, recorded_at, health_rule)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", chunk, chunk.size(), (statement, value) -> {
                statement.setLong(1, value.metricId());
                statement.setLong(2, value.metricVersionId());
                statement.setString(3, value.period());
                statement.setBigDecimal(4, value.value());
                statement.setString(5, value.health().name());
                statement.setString(6, value.source().name());
                statement.setString(7, value.comment());
                statement.setString(8, recordedBy);
                statement.setObject(9, when);
                statement.setString(10, value.healthRule());
            });
        }
    }
}
