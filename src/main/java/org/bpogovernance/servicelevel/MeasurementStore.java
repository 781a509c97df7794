package org.bpogovernance.servicelevel;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
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

    /** A current value as the scorecard reads it: the value itself only for the trend's periods. */
    record ScorecardValue(long metricId, String period, Health health, BigDecimal value) {
    }

    /**
     * In one statement, every current value from {@code trendFrom} to {@code to}, and the breaches
     * (RED, without their values) from {@code from} until then: what the credit walk of the term
     * needs from a metric that has none (see {@link #healthOf} for the others).
     */
    List<ScorecardValue> scorecardValues(Long engagementId, String from, String trendFrom, String to) {
        return jdbc.query("""
                select m.metric_id, m.period, m.health, m.measured_value
                from measurement m join service_metric s on s.id = m.metric_id
                where s.engagement_id = ? and m.superseded_at is null and m.period between ? and ?
                union all
                select m.metric_id, m.period, m.health, null
                from measurement m join service_metric s on s.id = m.metric_id
                where s.engagement_id = ? and m.health = 'RED' and m.superseded_at is null
                  and m.period >= ? and m.period < ?""",
                (row, i) -> new ScorecardValue(row.getLong(1), row.getString(2), Health.valueOf(row.getString(3)),
                        row.getBigDecimal(4)),
                engagementId, trendFrom, to, engagementId, from, trendFrom);
    }

    /** The health of the metrics' current values from one period to another (yyyy-mm, inclusive). */
    List<ScorecardValue> healthOf(Collection<Long> metricIds, String from, String to) {
        if (metricIds.isEmpty()) {
            return List.of();
        }
        List<Object> arguments = new ArrayList<>(metricIds);
        arguments.add(from);
        arguments.add(to);
        return jdbc.query("select metric_id, period, health from measurement where metric_id in ("
                        + String.join(", ", Collections.nCopies(metricIds.size(), "?"))
                        + ") and superseded_at is null and period between ? and ?",
                (row, i) -> new ScorecardValue(row.getLong(1), row.getString(2), Health.valueOf(row.getString(3)), null),
                arguments.toArray());
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
