package org.bpogovernance.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.bpogovernance.testing.GovernanceTest;
import org.bpogovernance.testing.Json;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Measurements per second through the CSV endpoint (HTTP upload, parsing, validation, rating by
 * the kpi-health table, storing, audit) for a 100 000-line file, next to a plain JDBC batch insert
 * of the same rows into the same table, alternating, in one run on the test database. Writes
 * {@code target/benchmarks/ingestion-<database>.md}. Run with {@code -Pbenchmarks}.
 */
@Tag("benchmark")
@GovernanceTest
class MeasurementIngestionBenchmark {

    static final int METRICS = 1000;
    static final int PERIODS = Integer.getInteger("benchmark.periods", 100);
    static final int ROUNDS = 3;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void csvIngestionRateNextToAPlainJdbcBatch() throws IOException {
        int lines = METRICS * PERIODS;
        List<Double> csvRates = new ArrayList<>();
        List<Double> jdbcRates = new ArrayList<>();
        Random random = new Random(42);
        for (int round = 0; round < ROUNDS; round++) {
            List<String[]> rows = rows(random);

            long viaJdbc = BenchmarkEngagements.withMetrics(rest, "2018-01-01", "2027-12-31", METRICS);
            long start = System.nanoTime();
            insertWithJdbc(viaJdbc, rows);
            jdbcRates.add(lines / seconds(start));

            long viaCsv = BenchmarkEngagements.withMetrics(rest, "2018-01-01", "2027-12-31", METRICS);
            String file = csv(rows);
            start = System.nanoTime();
            ResponseEntity<String> answer = upload(viaCsv, file);
            csvRates.add(lines / seconds(start));
            assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
            assertThat((Integer) Json.read(answer.getBody(), "$.created")).isEqualTo(lines);
            assertThat(jdbc.queryForObject("select count(*) from measurement m join service_metric s on s.id = m.metric_id "
                    + "where s.engagement_id = ?", Long.class, viaCsv)).isEqualTo(lines);
        }
        double csv = BenchmarkEngagements.median(csvRates);
        double plain = BenchmarkEngagements.median(jdbcRates);
        BenchmarkEngagements.write("ingestion", List.of(String.format(Locale.ROOT,
                "| measurements ingested per second, %,d-line CSV file, %s (median of %d) | %,.0f/s through "
                        + "POST /measurements | %,.0f/s plain JDBC batch insert | %.2fx | 0.5x |",
                lines, BenchmarkEngagements.database(), ROUNDS, csv, plain, csv / plain)));
    }

    /** metric, period, value: every metric in every period, values in the green band (see the docs). */
    private static List<String[]> rows(Random random) {
        List<String[]> rows = new ArrayList<>(METRICS * PERIODS);
        YearMonth first = YearMonth.of(2018, 1);
        for (int p = 0; p < PERIODS; p++) {
            for (int m = 1; m <= METRICS; m++) {
                rows.add(new String[] {BenchmarkEngagements.code(m), first.plusMonths(p).toString(),
                        BigDecimal.valueOf(9600 + random.nextInt(400), 2).toPlainString()});
            }
        }
        return rows;
    }

    private static String csv(List<String[]> rows) {
        StringBuilder file = new StringBuilder(rows.size() * 20).append("metric,period,value\n");
        for (String[] row : rows) {
            file.append(row[0]).append(',').append(row[1]).append(',').append(row[2]).append('\n');
        }
        return file.toString();
    }

    private ResponseEntity<String> upload(long engagementId, String file) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("peter", "demo");
        headers.setContentType(new MediaType("text", "csv"));
        return rest.exchange("/api/engagements/" + engagementId + "/measurements", HttpMethod.POST,
                new HttpEntity<>(file, headers), String.class);
    }

    /** The same rows, already rated, inserted in batches of 1 000 in one transaction. */
    private void insertWithJdbc(long engagementId, List<String[]> rows) {
        Map<String, long[]> ids = new java.util.HashMap<>();
        jdbc.query("select s.code, s.id, v.id from service_metric s join metric_version v on v.metric_id = s.id "
                + "where s.engagement_id = ?", row -> {
                    ids.put(row.getString(1), new long[] {row.getLong(2), row.getLong(3)});
                }, engagementId);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        transaction.executeWithoutResult(status -> {
            for (int from = 0; from < rows.size(); from += 1000) {
                jdbc.batchUpdate("insert into measurement (metric_id, metric_version_id, period, measured_value, health, "
                        + "source, recorded_by, recorded_at) values (?, ?, ?, ?, 'GREEN', 'CSV', 'peter', ?)",
                        rows.subList(from, Math.min(rows.size(), from + 1000)), 1000, (statement, row) -> {
                            long[] metric = ids.get(row[0]);
                            statement.setLong(1, metric[0]);
                            statement.setLong(2, metric[1]);
                            statement.setString(3, row[1]);
                            statement.setBigDecimal(4, new BigDecimal(row[2]));
                            statement.setObject(5, now);
                        });
            }
        });
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
