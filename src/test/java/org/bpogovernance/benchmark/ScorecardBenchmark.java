package org.bpogovernance.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bpogovernance.testing.Http.get;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.bpogovernance.servicelevel.Scorecard;
import org.bpogovernance.servicelevel.ScorecardService;
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

/**
 * Scorecard latency for an engagement with 60 metrics and five years of monthly values, through
 * {@code GET /scorecard} over HTTP, next to a hand-written SQL query that reads the same values,
 * health, attainment and 12-period trend in one statement (it leaves out the credit walk over
 * the term), alternating, in one run. Writes {@code target/benchmarks/scorecard-<database>.md}.
 */
@Tag("benchmark")
@GovernanceTest
class ScorecardBenchmark {

    static final int METRICS = 60;
    static final int YEARS = 5;
    static final int REQUESTS = 200;
    static final int WARM_UP = 30;

    /** Per metric in force in the period: its values of the last 12 periods, with attainment and its weighted share. */
    static final String SCORECARD_SQL = """
            select s.code, v.name, v.unit, v.target, v.weight, m.period, m.measured_value, m.health,
                   least(100, case when v.direction = 'HIGHER_IS_BETTER' then m.measured_value * 100 / nullif(v.target, 0)
                                   else v.target * 100 / nullif(m.measured_value, 0) end) as attainment
            from service_metric s
            join metric_version v on v.metric_id = s.id and v.retired = false
             and v.version = (select max(w.version) from metric_version w where w.metric_id = s.id and w.effective_from <= ?)
            left join measurement m on m.metric_id = s.id and m.superseded_at is null and m.period between ? and ?
            where s.engagement_id = ?
            order by s.code, m.period""";

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ScorecardService scorecards;

    @Test
    void scorecardLatencyNextToHandWrittenSql() throws IOException {
        YearMonth first = YearMonth.of(2021, 1);
        YearMonth last = first.plusYears(YEARS).minusMonths(1);
        long engagementId = BenchmarkEngagements.withMetrics(rest, first.atDay(1).toString(),
                last.atEndOfMonth().toString(), METRICS);
        Random random = new Random(7);
        StringBuilder file = new StringBuilder("metric,period,value\n");
        for (YearMonth period = first; !period.isAfter(last); period = period.plusMonths(1)) {
            for (int m = 1; m <= METRICS; m++) {
                // green values: a breach would start an escalation, whose mails would run beside the measurement
                file.append(BenchmarkEngagements.code(m)).append(',').append(period).append(',')
                        .append(BigDecimal.valueOf(9600 + random.nextInt(400), 2).toPlainString()).append('\n');
            }
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("peter", "demo");
        headers.setContentType(new MediaType("text", "csv"));
        ResponseEntity<String> loaded = rest.exchange("/api/engagements/" + engagementId + "/measurements",
                HttpMethod.POST, new HttpEntity<>(file.toString(), headers), String.class);
        assertThat(loaded.getStatusCode()).as(loaded.getBody()).isEqualTo(HttpStatus.OK);

        String path = "/api/engagements/" + engagementId + "/scorecard?period=" + last;
        List<Double> api = new ArrayList<>();
        List<Double> service = new ArrayList<>();
        List<Double> sql = new ArrayList<>();
        List<Double> me = new ArrayList<>();
        for (int i = -WARM_UP; i < REQUESTS; i++) {
            if (i == 0) {
                api.clear();
                service.clear();
                sql.clear();
                me.clear();
            }
            long start = System.nanoTime();
            ResponseEntity<String> card = get(rest, "clara", "demo", path);
            api.add(millis(start));
            assertThat(card.getStatusCode()).isEqualTo(HttpStatus.OK);
            if (i == -WARM_UP) {
                assertThat((List<?>) Json.read(card.getBody(), "$.metrics")).hasSize(METRICS);
            }
            start = System.nanoTime();
            Scorecard inProcess = scorecards.of(engagementId, last);
            service.add(millis(start));
            assertThat(inProcess.metrics()).hasSize(METRICS);
            start = System.nanoTime();
            List<?> rows = jdbc.queryForList(SCORECARD_SQL, last.toString(), last.minusMonths(11).toString(),
                    last.toString(), engagementId);
            sql.add(millis(start));
            assertThat(rows).hasSize(METRICS * 12);
            start = System.nanoTime();
            assertThat(get(rest, "clara", "demo", "/api/me").getStatusCode()).isEqualTo(HttpStatus.OK);
            me.add(millis(start));
        }
        BenchmarkEngagements.write("scorecard", List.of(
                row("p50", 50, api, service, sql), row("p95", 95, api, service, sql), String.format(Locale.ROOT,
                        "| an authenticated request that reads nothing (GET /api/me), %s, p50 of %d | %.1f ms | | | — |",
                        BenchmarkEngagements.database(), REQUESTS, percentile(me, 50))));
    }

    private static String row(String label, int percentile, List<Double> api, List<Double> service, List<Double> sql) {
        double http = percentile(api, percentile);
        double inProcess = percentile(service, percentile);
        double plain = percentile(sql, percentile);
        return String.format(Locale.ROOT, "| scorecard of one period, %d metrics × %d years, %s, %s of %d | %.1f ms "
                        + "GET /scorecard over HTTP; %.1f ms in-process | %.1f ms hand-written SQL in-process | %.2fx "
                        + "in-process | — |",
                METRICS, YEARS, BenchmarkEngagements.database(), label, REQUESTS, http, inProcess, plain,
                inProcess / plain);
    }

    private static double percentile(List<Double> values, int percentile) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    }

    private static double millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }
}
