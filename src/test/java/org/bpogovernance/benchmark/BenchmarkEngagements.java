package org.bpogovernance.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bpogovernance.testing.Http.exchange;
import static org.bpogovernance.testing.Http.postJson;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.bpogovernance.testing.Json;
import org.bpogovernance.testing.TestDatabase;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Engagements with many metrics, made through the API as an officer would, and the result files. */
final class BenchmarkEngagements {

    private BenchmarkEngagements() {
    }

    /** Registers an engagement with the given term and {@code metrics} higher-is-better metrics M0001...; its id. */
    static long withMetrics(TestRestTemplate rest, String termStart, String termEnd, int metrics) {
        String reference = "B-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        ResponseEntity<String> created = postJson(rest, "olivia", "demo", "/api/engagements", """
                {"name": "Benchmark %1$s", "client": "Benchmark client", "provider": "Northwind BPO",
                 "serviceScope": "Benchmark", "contractReference": "%1$s", "termStart": "%2$s", "termEnd": "%3$s",
                 "noticePeriodDays": 90, "timeZone": "Europe/Berlin",
                 "clientRepresentative": "clara", "providerManager": "peter", "governanceOfficer": "olivia"}"""
                .formatted(reference, termStart, termEnd));
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
        long id = ((Number) Json.read(created.getBody(), "$.id")).longValue();
        // Equal weights to two decimals; the first metric takes what rounding leaves, so they total 100.
        BigDecimal weight = BigDecimal.valueOf(100).divide(BigDecimal.valueOf(metrics), 2, RoundingMode.DOWN);
        BigDecimal first = BigDecimal.valueOf(100).subtract(weight.multiply(BigDecimal.valueOf(metrics - 1L)));
        StringBuilder set = new StringBuilder("{\"effectiveFrom\": \"" + termStart.substring(0, 7) + "\", \"metrics\": [");
        for (int m = 1; m <= metrics; m++) {
            set.append(m > 1 ? "," : "").append("""
                    {"code": "%s", "name": "Metric %d", "unit": "%%", "direction": "HIGHER_IS_BETTER",
                     "target": 98, "warning": 96, "breach": 94, "weight": %s,
                     "creditPercentPerBreach": 1, "creditCapPercent": 5, "earnBackAfterGoodPeriods": 2}"""
                    .formatted(code(m), m, (m == 1 ? first : weight).toPlainString()));
        }
        ResponseEntity<String> defined = exchange(rest, "olivia", "demo", HttpMethod.PUT,
                "/api/engagements/" + id + "/metrics", set + "]}");
        assertThat(defined.getStatusCode()).as(defined.getBody()).isEqualTo(HttpStatus.OK);
        return id;
    }

    static String code(int metric) {
        return "M%04d".formatted(metric);
    }

    static String database() {
        return TestDatabase.onPostgres() ? "PostgreSQL" : "H2";
    }

    /** Writes the table rows to {@code target/benchmarks/<name>-<database>.md} and prints them. */
    static void write(String name, List<String> rows) throws IOException {
        Path out = Path.of("target", "benchmarks", name + "-" + database().toLowerCase() + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, String.join(System.lineSeparator(), rows) + System.lineSeparator());
        rows.forEach(System.out::println);
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
