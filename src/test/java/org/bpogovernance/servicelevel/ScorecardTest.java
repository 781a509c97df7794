package org.bpogovernance.servicelevel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bpogovernance.testing.Http.exchange;
import static org.bpogovernance.testing.Http.get;
import static org.bpogovernance.testing.Http.postJson;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

/** The worked example of docs/service-levels.md, figure by figure, through the API. */
@GovernanceTest
class ScorecardTest {

    @Autowired
    TestRestTemplate rest;

    @Test
    void theWorkedExampleOfCreditsAndEarnBack() {
        String base = engagement();
        defineMetrics(base, firstTimeRight(60, 10), """
                  {"code": "AHT", "name": "Average handling time", "unit": "s", "direction": "LOWER_IS_BETTER",
                   "target": 300, "warning": 330, "breach": 360, "weight": 40,
                   "creditPercentPerBreach": 3, "creditCapPercent": 9, "earnBackAfterGoodPeriods": 0}""");
        assertThat(postJson(rest, "peter", "demo", base + "/measurements", """
                [{"metric": "FTR", "period": "2026-01", "value": 93},   {"metric": "AHT", "period": "2026-01", "value": 310},
                 {"metric": "FTR", "period": "2026-02", "value": 97},   {"metric": "AHT", "period": "2026-02", "value": 370},
                 {"metric": "FTR", "period": "2026-03", "value": 98.5}, {"metric": "AHT", "period": "2026-03", "value": 365},
                 {"metric": "FTR", "period": "2026-04", "value": 92},   {"metric": "AHT", "period": "2026-04", "value": 340},
                 {"metric": "FTR", "period": "2026-05", "value": 90},   {"metric": "AHT", "period": "2026-05", "value": 380}]""")
                .getStatusCode()).isEqualTo(HttpStatus.OK);

        String card = get(rest, "clara", "demo", base + "/scorecard?period=2026-05").getBody();

        assertThat(number(card, "$.weightedAttainment")).isEqualTo(86.68);
        assertThat(number(card, "$.creditsDueThisPeriod")).isEqualTo(3.0);
        assertThat(number(card, "$.creditsAccruedToDate")).isEqualTo(19.0);
        assertThat(number(card, "$.creditsEarnedBackToDate")).isEqualTo(5.0);
        assertThat(number(card, "$.netCreditsToDate")).isEqualTo(14.0);
        assertThat(number(card, "$.metrics[0].attainment")).isEqualTo(91.84);
        assertThat(number(card, "$.metrics[0].creditsAccruedToDate")).as("FTR stops at its 10% cap").isEqualTo(10.0);
        assertThat(number(card, "$.metrics[0].creditsEarnedBackToDate")).as("January's breach, then two green months")
                .isEqualTo(5.0);
        assertThat(number(card, "$.metrics[1].attainment")).isEqualTo(78.95);
        assertThat(number(card, "$.metrics[1].creditsAccruedToDate")).isEqualTo(9.0);
        assertThat((List<String>) Json.read(card, "$.metrics[*].health")).containsExactly("RED", "RED");
        assertThat((List<?>) Json.read(card, "$.metrics[0].trend")).hasSize(12);
        assertThat((List<String>) Json.read(card, "$.metrics[1].trend[7:12].health"))
                .containsExactly("GREEN", "RED", "RED", "AMBER", "RED");

        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("peter", "demo");
        headers.setAccept(List.of(new MediaType("text", "csv")));
        ResponseEntity<String> csv = rest.exchange(base + "/scorecard?period=2026-05", HttpMethod.GET,
                new HttpEntity<>(headers), String.class);
        assertThat(csv.getBody()).startsWith("period,metric,name").contains("2026-05,FTR,First-time-right rate")
                .contains("2026-05,AHT,Average handling time");
        assertThat(csv.getBody().lines()).hasSize(3);

        assertThat(get(rest, "olivia", "demo", base + "/scorecard?period=2031-01").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(get(rest, "carl", "demo", base + "/scorecard?period=2026-05").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void creditsEarnedBackLongBeforeThePeriodAcrossAYearEndAndBrokenByAMissingMonth() {
        String base = engagement();
        defineMetrics(base, firstTimeRight(100, 20));
        StringBuilder values = new StringBuilder();
        Map<String, Integer> months = new LinkedHashMap<>();
        months.put("2026-11", 90); // breach: December and January are green, earned back over the year end
        months.put("2026-12", 99);
        months.put("2027-01", 99);
        months.put("2027-02", 90); // breach: March green, April missing, May green: not earned back
        months.put("2027-03", 99);
        months.put("2027-05", 99);
        months.put("2027-06", 90); // breach: July green, August amber: not earned back
        months.put("2027-07", 99);
        months.put("2027-08", 95);
        for (String month = "2027-09"; month.compareTo("2028-05") <= 0; month = YearMonth.parse(month).plusMonths(1).toString()) {
            months.put(month, 99);
        }
        months.put("2028-06", 90); // breach inside the trend: July and August green, earned back; the cap is reached
        months.put("2028-07", 99);
        months.put("2028-08", 99);
        months.put("2028-09", 90); // breach over the cap: nothing more accrues
        months.forEach((month, value) -> values.append(values.isEmpty() ? "" : ",")
                .append("{\"metric\": \"FTR\", \"period\": \"%s\", \"value\": %d}".formatted(month, value)));
        assertThat(postJson(rest, "peter", "demo", base + "/measurements", "[" + values + "]").getStatusCode())
                .isEqualTo(HttpStatus.OK);

        String card = get(rest, "clara", "demo", base + "/scorecard?period=2028-09").getBody();

        assertThat(number(card, "$.creditsAccruedToDate")).as("four breaches of 5% up to the 20% cap").isEqualTo(20.0);
        assertThat(number(card, "$.creditsDueThisPeriod")).as("the fifth breach is over the cap").isEqualTo(0.0);
        assertThat(number(card, "$.creditsEarnedBackToDate")).as("November 2026 and June 2028").isEqualTo(10.0);
        assertThat(number(card, "$.netCreditsToDate")).isEqualTo(10.0);
        assertThat((List<String>) Json.read(card, "$.metrics[0].trend[*].period")).startsWith("2027-10").endsWith("2028-09");

        String earlier = get(rest, "clara", "demo", base + "/scorecard?period=2027-05").getBody();
        assertThat(number(earlier, "$.creditsAccruedToDate")).isEqualTo(10.0);
        assertThat(number(earlier, "$.creditsEarnedBackToDate")).as("May's green run after April's gap is too short")
                .isEqualTo(5.0);
        assertThat((List<String>) Json.read(earlier, "$.metrics[0].trend[*].health")).containsExactly(
                null, null, null, null, null, "RED", "GREEN", "GREEN", "RED", "GREEN", null, "GREEN");
    }

    private void defineMetrics(String base, String... metrics) {
        assertThat(exchange(rest, "olivia", "demo", HttpMethod.PUT, base + "/metrics",
                "{\"effectiveFrom\": \"2026-01\", \"metrics\": [" + String.join(",", metrics) + "]}")
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    /** First-time-right, higher is better: target 98, warning 96, breach 94; 5% per breach, earned back after two green months. */
    private static String firstTimeRight(int weight, int creditCapPercent) {
        return """
                {"code": "FTR", "name": "First-time-right rate", "unit": "%%", "direction": "HIGHER_IS_BETTER",
                 "target": 98, "warning": 96, "breach": 94, "weight": %d,
                 "creditPercentPerBreach": 5, "creditCapPercent": %d, "earnBackAfterGoodPeriods": 2}"""
                .formatted(weight, creditCapPercent);
    }

    private String engagement() {
        String reference = "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String created = postJson(rest, "olivia", "demo", "/api/engagements", """
                {"name": "Adatum back office %1$s", "client": "Adatum", "provider": "Northwind BPO",
                 "serviceScope": "Order entry", "contractReference": "%1$s",
                 "termStart": "2026-01-01", "termEnd": "2028-12-31", "noticePeriodDays": 90, "timeZone": "Europe/Berlin",
                 "clientRepresentative": "clara", "providerManager": "peter", "governanceOfficer": "olivia"}"""
                .formatted(reference)).getBody();
        return "/api/engagements/" + Json.read(created, "$.id");
    }

    private static double number(String json, String path) {
        return ((Number) Json.read(json, path)).doubleValue();
    }
}
