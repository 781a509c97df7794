package org.bpogovernance.servicelevel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bpogovernance.testing.Http.exchange;
import static org.bpogovernance.testing.Http.get;
import static org.bpogovernance.testing.Http.postJson;

import java.util.List;
import java.util.UUID;
import org.bpogovernance.testing.GovernanceTest;
import org.bpogovernance.testing.Json;
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
 * Metrics defined as a versioned set, measurements fed as JSON and CSV, health rated by the
 * kpi-health decision table against the version in force, and every kind of bad input refused
 * with nothing stored.
 */
@GovernanceTest
class ServiceLevelApiTest {

    static final String METRICS = """
            {"effectiveFrom": "%s", "metrics": [
              {"code": "FTR", "name": "First-time-right rate", "unit": "%%", "direction": "HIGHER_IS_BETTER",
               "target": %s, "warning": %s, "breach": %s, "weight": 60,
               "creditPercentPerBreach": 5, "creditCapPercent": 15, "earnBackAfterGoodPeriods": 3},
              {"code": "AHT", "name": "Average handling time", "unit": "s", "direction": "LOWER_IS_BETTER",
               "target": 300, "warning": 330, "breach": 360, "weight": 40,
               "creditPercentPerBreach": 3, "creditCapPercent": 9, "earnBackAfterGoodPeriods": 0}]}""";

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void metricsAreVersionedAndEachMeasurementKeepsTheVersionItWasRatedBy() {
        String base = engagement();
        assertThat(exchange(rest, "olivia", "demo", HttpMethod.PUT, base + "/metrics",
                METRICS.formatted("2026-01", 98, 96, 94)).getStatusCode()).isEqualTo(HttpStatus.OK);

        ResponseEntity<String> january = postJson(rest, "peter", "demo", base + "/measurements", """
                [{"metric": "FTR", "period": "2026-01", "value": 95.0},
                 {"metric": "AHT", "period": "2026-01", "value": 370, "comment": "new hires"}]""");
        assertThat(january.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((Integer) Json.read(january.getBody(), "$.created")).isEqualTo(2);

        // The officer tightens FTR from March on: a new version; January keeps its rating.
        String changed = exchange(rest, "olivia", "demo", HttpMethod.PUT, base + "/metrics",
                METRICS.formatted("2026-03", 99, 97, 95)).getBody();
        assertThat((List<Integer>) Json.read(changed, "$[?(@.code == 'FTR')].definition.version")).containsExactly(2);
        assertThat((List<Integer>) Json.read(get(rest, "clara", "demo", base + "/metrics?period=2026-02").getBody(),
                "$[?(@.code == 'FTR')].definition.version")).containsExactly(1);

        postJson(rest, "peter", "demo", base + "/measurements", """
                [{"metric": "FTR", "period": "2026-02", "value": 96.5}, {"metric": "FTR", "period": "2026-03", "value": 96.5}]""");
        String current = get(rest, "clara", "demo", base + "/measurements").getBody();
        assertThat(health(current, "2026-01", 95.0)).isEqualTo("AMBER");
        assertThat(health(current, "2026-02", 96.5)).as("v1: warning below 96").isEqualTo("GREEN");
        assertThat(health(current, "2026-03", 96.5)).as("v2: warning below 97").isEqualTo("AMBER");
        assertThat((List<String>) Json.read(current, "$[?(@.period == '2026-01' && @.value == 370)].health"))
                .containsExactly("RED");
    }

    @Test
    void aCsvFileIsTakenOnceAndACorrectionKeepsTheOldValue() {
        String base = engagement();
        exchange(rest, "olivia", "demo", HttpMethod.PUT, base + "/metrics", METRICS.formatted("2026-01", 98, 96, 94));
        String file = """
                metric,period,value,comment
                FTR,2026-04,98.2,
                AHT,2026-04,310,"calm month, low volume"
                """;

        ResponseEntity<String> first = csv("peter", base, file);
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((Integer) Json.read(first.getBody(), "$.created")).isEqualTo(2);
        ResponseEntity<String> again = csv("peter", base, file);
        assertThat((Integer) Json.read(again.getBody(), "$.created")).isZero();
        assertThat((Integer) Json.read(again.getBody(), "$.unchanged")).isEqualTo(2);
        String precise = "{\"metric\": \"AHT\", \"period\": \"2026-05\", \"value\": 301.123456}";
        assertThat((Integer) Json.read(postJson(rest, "peter", "demo", base + "/measurements", precise).getBody(), "$.created"))
                .isOne();
        assertThat((Integer) Json.read(postJson(rest, "peter", "demo", base + "/measurements", precise).getBody(), "$.unchanged"))
                .as("kept to four decimals, the same value sent again changes nothing").isOne();

        ResponseEntity<String> correction = postJson(rest, "olivia", "demo", base + "/measurements",
                "{\"metric\": \"FTR\", \"period\": \"2026-04\", \"value\": 97.0, \"comment\": \"recount\"}");
        assertThat((Integer) Json.read(correction.getBody(), "$.corrected")).isEqualTo(1);
        String history = get(rest, "olivia", "demo", base + "/measurements?history=true").getBody();
        assertThat((List<Double>) Json.read(history, "$[?(@.period == '2026-04' && @.comment != 'calm month, low volume')].value"))
                .containsExactly(98.2, 97.0);
        assertThat((List<String>) Json.read(get(rest, "olivia", "demo", base + "/measurements").getBody(),
                "$[?(@.period == '2026-04')].comment")).contains("calm month, low volume", "recount");
    }

    @Test
    void badMetricsAndMeasurementsAreRefusedWithTheFieldOrLineAndNothingIsStored() {
        String base = engagement();
        exchange(rest, "olivia", "demo", HttpMethod.PUT, base + "/metrics", METRICS.formatted("2026-01", 98, 96, 94));
        List<Long> before = counts();

        expect(exchange(rest, "olivia", "demo", HttpMethod.PUT, base + "/metrics", METRICS.formatted("2026-01", 98, 99, 94)),
                400, "metrics[0].warning");
        expect(exchange(rest, "olivia", "demo", HttpMethod.PUT, base + "/metrics",
                METRICS.formatted("2026-01", 98, 96, 94).replace("\"weight\": 40", "\"weight\": 30")), 400, "metrics");
        expect(exchange(rest, "olivia", "demo", HttpMethod.PUT, base + "/metrics", METRICS.formatted("2031-01", 98, 96, 94)),
                400, "effectiveFrom");
        expect(exchange(rest, "olivia", "demo", HttpMethod.PUT, base + "/metrics", METRICS.formatted("2026-01", "1e300", 96, 94)),
                400, "metrics[0].target");
        expect(postJson(rest, "peter", "demo", base + "/measurements",
                "{\"metric\": \"CSAT\", \"period\": \"2026-01\", \"value\": 4.2}"), 400, "[0].metric");
        expect(postJson(rest, "peter", "demo", base + "/measurements",
                "{\"metric\": \"FTR\", \"period\": \"2030-01\", \"value\": 99}"), 400, "[0].period");
        expect(postJson(rest, "peter", "demo", base + "/measurements",
                "{\"metric\": \"FTR\", \"period\": \"2026-01\", \"value\": \"ninety\"}"), 400, "[0].value");
        expect(postJson(rest, "peter", "demo", base + "/measurements",
                "{\"metric\": \"FTR\", \"period\": \"2026-01\", \"value\": 12345678901234567}"), 400, "[0].value");
        expect(csv("peter", base, "FTR,2026-01,98\nAHT,2026-01,fast\n"), 400, "line 2");
        expect(csv("peter", base, "FTR,2026-01,98\nAHT,2026-01,300\nFTR,2026-01,97\n"), 400, "line 3");
        expect(csv("peter", base, ""), 400, "body");

        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aLargeFileWithErrorsOnLines2And9900IsRefusedNamingBoth() {
        String base = engagement("2026-01-01", "2030-12-31");
        StringBuilder metrics = new StringBuilder("{\"effectiveFrom\": \"2026-01\", \"metrics\": [");
        for (int m = 1; m <= 200; m++) {
            metrics.append(m > 1 ? "," : "").append("""
                    {"code": "M%03d", "name": "Metric %d", "unit": "%%", "direction": "HIGHER_IS_BETTER",
                     "target": 90, "warning": 80, "breach": 70, "weight": 0.5,
                     "creditPercentPerBreach": 1, "creditCapPercent": 5, "earnBackAfterGoodPeriods": 0}""".formatted(m, m));
        }
        assertThat(exchange(rest, "olivia", "demo", HttpMethod.PUT, base + "/metrics", metrics + "]}").getStatusCode())
                .isEqualTo(HttpStatus.OK);
        List<Long> before = counts();
        StringBuilder file = new StringBuilder("metric,period,value\n");
        for (int line = 2; line <= 10_000; line++) {
            int index = line - 2;
            String metric = line == 2 ? "NOPE" : "M%03d".formatted(1 + index % 200);
            String period = java.time.YearMonth.of(2026, 1).plusMonths(index / 200).toString();
            file.append(metric).append(',').append(period).append(',').append(line == 9_900 ? "n/a" : "85").append('\n');
        }
        ResponseEntity<String> refused = csv("peter", base, file.toString());
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<String>) Json.read(refused.getBody(), "$.errors[*].field"))
                .containsExactlyInAnyOrder("line 2", "line 9900");
        assertThat(counts()).isEqualTo(before);

        ResponseEntity<String> fixed = csv("peter", base, file.toString().replace("NOPE", "M001").replace(",n/a", ",85"));
        assertThat((Integer) Json.read(fixed.getBody(), "$.created")).isEqualTo(9_999);
    }

    @Test
    void aFileWithEveryLineWrongIsAnsweredWithTheFirstHundredLinesAndTheCount() {
        String base = engagement();
        exchange(rest, "olivia", "demo", HttpMethod.PUT, base + "/metrics", METRICS.formatted("2026-01", 98, 96, 94));
        List<Long> before = counts();
        StringBuilder file = new StringBuilder("metric,period,value\n");
        for (int line = 2; line <= 100_001; line++) {
            file.append("FTR,2026-01,not-a-number\n");
        }

        ResponseEntity<String> refused = csv("peter", base, file.toString());

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((Integer) Json.read(refused.getBody(), "$.errorCount")).isEqualTo(100_000);
        List<String> fields = Json.read(refused.getBody(), "$.errors[*].field");
        assertThat(fields).hasSize(100).startsWith("line 2", "line 3").endsWith("line 101");
        assertThat((String) Json.read(refused.getBody(), "$.detail")).startsWith("100000 problems; the first 100 are listed.");
        assertThat(refused.getBody().length()).as("an answer a person can read").isLessThan(20_000);
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aFileSavedWithAByteOrderMarkIsTaken() {
        String base = engagement();
        exchange(rest, "olivia", "demo", HttpMethod.PUT, base + "/metrics", METRICS.formatted("2026-01", 98, 96, 94));

        ResponseEntity<String> taken = csv("peter", base, "\uFEFFmetric,period,value\nFTR,2026-02,97.5\n");

        assertThat(taken.getStatusCode()).as(taken.getBody()).isEqualTo(HttpStatus.OK);
        assertThat((Integer) Json.read(taken.getBody(), "$.created")).isOne();
    }

    @Test
    void aSetOfFiveHundredMetricsIsTakenAndItsAuditEntrySaysWhatWasLeftOut() {
        String base = engagement();
        StringBuilder metrics = new StringBuilder("{\"effectiveFrom\": \"2026-01\", \"metrics\": [");
        for (int m = 1; m <= 500; m++) {
            metrics.append(m > 1 ? "," : "").append("""
                    {"code": "QUALITY-CHECK-%03d", "name": "Quality check %d", "unit": "%%", "direction": "HIGHER_IS_BETTER",
                     "target": 90, "warning": 80, "breach": 70, "weight": 0.2,
                     "creditPercentPerBreach": 1, "creditCapPercent": 5, "earnBackAfterGoodPeriods": 0}""".formatted(m, m));
        }
        ResponseEntity<String> defined = exchange(rest, "olivia", "demo", HttpMethod.PUT, base + "/metrics", metrics + "]}");
        assertThat(defined.getStatusCode()).as(defined.getBody()).isEqualTo(HttpStatus.OK);
        assertThat((List<?>) Json.read(defined.getBody(), "$")).hasSize(500);
        List<String> details = Json.read(get(rest, "olivia", "demo", base + "/audit").getBody(),
                "$.content[?(@.action == 'METRICS_DEFINED')].details");
        assertThat(details).singleElement().satisfies(text -> assertThat(text)
                .startsWith("from 2026-01: QUALITY-CHECK-001 added").hasSizeLessThanOrEqualTo(4000)
                .containsPattern("… \\(\\d+ more characters\\)$"));
    }

    @Test
    void oversizedFilesAndTheWrongPeopleAreRefused() {
        String base = engagement();
        exchange(rest, "olivia", "demo", HttpMethod.PUT, base + "/metrics", METRICS.formatted("2026-01", 98, 96, 94));
        List<Long> before = counts();
        String fiftyMegabytes = "FTR,2026-01,98\n".repeat(50 * 1024 * 1024 / 15 + 1);
        assertThat(csv("peter", base, fiftyMegabytes).getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(csv("clara", base, "FTR,2026-01,98\n").getStatusCode()).as("the client side does not feed data")
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(csv("carl", base, "FTR,2026-01,98\n").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void twoSubmissionsOfOnePeriodAtOnceLeaveOneCurrentValue() throws Exception {
        String base = engagement();
        exchange(rest, "olivia", "demo", HttpMethod.PUT, base + "/metrics", METRICS.formatted("2026-01", 98, 96, 94));
        for (int round = 0; round < 5; round++) {
            String period = "2026-0" + (round + 2);
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                List<java.util.concurrent.Future<ResponseEntity<String>>> answers = new java.util.ArrayList<>();
                for (String value : List.of("97.1", "97.2")) {
                    answers.add(pool.submit(() -> {
                        go.await();
                        return postJson(rest, "peter", "demo", base + "/measurements",
                                "{\"metric\": \"FTR\", \"period\": \"" + period + "\", \"value\": " + value + "}");
                    }));
                }
                go.countDown();
                for (var answer : answers) {
                    assertThat(answer.get().getStatusCode()).isEqualTo(HttpStatus.OK);
                }
            } finally {
                pool.shutdownNow();
            }
            List<Double> current = Json.read(get(rest, "clara", "demo", base + "/measurements").getBody(),
                    "$[?(@.period == '" + period + "')].value");
            assertThat(current).as("one current FTR value for " + period).hasSize(1);
        }
    }

    private String engagement() {
        return engagement("2026-01-01", "2028-12-31");
    }

    private String engagement(String termStart, String termEnd) {
        String reference = "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String created = postJson(rest, "olivia", "demo", "/api/engagements", """
                {"name": "Proseware contact centre %1$s", "client": "Proseware", "provider": "Northwind BPO",
                 "serviceScope": "Inbound customer service", "contractReference": "%1$s",
                 "termStart": "%2$s", "termEnd": "%3$s", "noticePeriodDays": 90, "timeZone": "Europe/Berlin",
                 "clientRepresentative": "clara", "providerManager": "peter", "governanceOfficer": "olivia"}"""
                .formatted(reference, termStart, termEnd)).getBody();
        return "/api/engagements/" + Json.read(created, "$.id");
    }

    private ResponseEntity<String> csv(String user, String base, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, "demo");
        headers.setContentType(new MediaType("text", "csv"));
        return rest.exchange(base + "/measurements", HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    private static void expect(ResponseEntity<String> response, int status, String field) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
        assertThat((List<String>) Json.read(response.getBody(), "$.errors[*].field")).contains(field);
    }

    private static String health(String measurements, String period, double value) {
        List<String> health = Json.read(measurements, "$[?(@.period == '" + period + "' && @.value == " + value + ")].health");
        assertThat(health).hasSize(1);
        return health.get(0);
    }

    private List<Long> counts() {
        return List.of(jdbc.queryForObject("select count(*) from measurement", Long.class),
                jdbc.queryForObject("select count(*) from metric_version", Long.class),
                jdbc.queryForObject("select count(*) from service_metric", Long.class));
    }
}
