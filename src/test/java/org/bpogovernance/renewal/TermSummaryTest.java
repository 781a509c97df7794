package org.bpogovernance.renewal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bpogovernance.testing.Http.download;
import static org.bpogovernance.testing.Http.get;
import static org.bpogovernance.testing.Http.postJson;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.bpogovernance.testing.Engagements.Registered;
import org.bpogovernance.testing.Engagements;
import org.bpogovernance.testing.GovernanceTest;
import org.bpogovernance.testing.Json;
import org.bpogovernance.testing.Pdf;
import org.bpogovernance.testing.Renewals;
import org.bpogovernance.testing.Tasklist;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The term summary on the worked example of docs/renewal.md: six months of FTR and AHT, two
 * breaches and a warning, two escalations, one action done late and one overdue; as JSON and CSV,
 * and the recommendation it leads to.
 */
@GovernanceTest
class TermSummaryTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Autowired
    TestRestTemplate rest;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    ManagementService managementService;

    @Autowired
    TaskService taskService;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void sixMonthsOfServiceLevelsEscalationsAndActionsAddUpToTheSummary() {
        LocalDate today = LocalDate.now(BERLIN);
        YearMonth first = YearMonth.from(today).minusMonths(6);
        Registered engagement = Engagements.register(rest, first.atDay(1), today.plusYears(1));
        Engagements.defineMetrics(rest, engagement, first.toString());
        Engagements.onboard(taskService, engagement);
        double[][] values = {{98, 300}, {98, 300}, {98, 300}, {93.1, 300}, {95.06, 300}, {96.04, 375}};
        for (int month = 0; month < 6; month++) {
            assertThat(postJson(rest, "peter", "demo", engagement.path() + "/measurements", """
                    [{"metric": "FTR", "period": "%1$s", "value": %2$s}, {"metric": "AHT", "period": "%1$s", "value": %3$s}]"""
                    .formatted(first.plusMonths(month), values[month][0], values[month][1])).getStatusCode())
                    .isEqualTo(HttpStatus.OK);
        }
        long late = actionItem(engagement, today.minusDays(10));
        long overdue = actionItem(engagement, today.minusDays(4));
        Tasklist tasklist = new Tasklist(rest);
        String lateTask = taskService.createTaskQuery().processVariableValueEquals("actionItemId", late).singleResult().getId();
        tasklist.submitted("peter", lateTask, """
                {"actionItemOutcome": {"value": "DONE"}, "completionNote": {"value": "Done at last"}}""");

        String summary = get(rest, "clara", "demo", engagement.path() + "/terms/1/summary").getBody();
        assertThat((String) Json.read(summary, "$.measuredFrom")).isEqualTo(first.toString());
        assertThat((String) Json.read(summary, "$.measuredTo")).isEqualTo(first.plusMonths(5).toString());
        assertThat((List<Double>) Json.read(summary, "$.months[*].attainment"))
                .containsExactly(100.0, 100.0, 100.0, 97.0, 98.2, 90.8);
        assertThat((Double) Json.read(summary, "$.attainment")).isEqualTo(97.67);
        assertThat((String) Json.read(summary, "$.trend")).as("the last three months against the first three")
                .isEqualTo("DECLINING");
        assertThat((Integer) Json.read(summary, "$.breaches")).isEqualTo(2);
        assertThat((Integer) Json.read(summary, "$.warnings")).isEqualTo(1);
        assertThat((Double) Json.read(summary, "$.creditsAccrued")).as("5% for FTR's breach, 3% for AHT's").isEqualTo(8.0);
        String card = get(rest, "clara", "demo", engagement.path() + "/scorecard?period=" + first.plusMonths(5)).getBody();
        assertThat((Double) Json.read(summary, "$.netCredits")).isEqualTo((Double) Json.read(card, "$.netCreditsToDate"));
        assertThat((Integer) Json.read(summary, "$.escalationsByLevel.2")).as("each RED value, a HIGH breach").isEqualTo(2);
        assertThat((Integer) Json.read(summary, "$.escalationsByLevel.3")).isZero();
        assertThat((Integer) Json.read(summary, "$.actions.agreed")).isEqualTo(2);
        assertThat((Integer) Json.read(summary, "$.actions.done")).isOne();
        assertThat((Integer) Json.read(summary, "$.actions.doneLate")).isOne();
        assertThat((Double) Json.read(summary, "$.actions.averageDaysLate")).isEqualTo(10.0);
        assertThat((Integer) Json.read(summary, "$.actions.overdueOpen")).isOne();
        assertThat((Double) Json.read(summary, "$.actions.closureRate")).isEqualTo(50.0);
        assertThat((Integer) Json.read(summary, "$.reviewCalls")).isZero();
        assertThat((Object) Json.read(summary, "$.satisfaction")).isNull();

        HttpHeaders csv = new HttpHeaders();
        csv.set(HttpHeaders.ACCEPT, "text/csv");
        csv.setBasicAuth("olivia", "demo");
        ResponseEntity<String> file = rest.exchange(engagement.path() + "/terms/1/summary", HttpMethod.GET,
                new HttpEntity<>(csv), String.class);
        assertThat(file.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(file.getBody().lines()).first().isEqualTo("section,item,value");
        assertThat(file.getBody().lines()).contains("service levels,attainment,97.67", "service levels,trend,DECLINING",
                "escalations,level 2,2", "action items,closure rate,50.0",
                "attainment by month," + first.plusMonths(5) + ",90.80");

        String document = get(rest, "clara", "demo", engagement.path() + "/terms/1/summary.html").getBody();
        assertThat(document).contains("<h1>Term summary — term 1</h1>", "97.67 % on average, declining",
                "Renewal decision", "Not yet decided");
        String pdf = Pdf.text(download(rest, "clara", "demo", engagement.path() + "/terms/1/summary.pdf").getBody());
        assertThat(pdf).contains("Term summary — term 1", "Litware", "97.67 % on average, declining",
                first.plusMonths(5).format(java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy", java.util.Locale.ENGLISH))
                        + " 90.8 %", "Values in breach: 2");
        assertThat(download(rest, "carl", "demo", engagement.path() + "/terms/1/summary.pdf").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        assertThat(get(rest, "olivia", "demo", engagement.path() + "/terms/2/summary").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get(rest, "carl", "demo", engagement.path() + "/terms/1/summary").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        // Declining attainment: the table recommends renegotiating.
        Renewals.windowOpens(runtimeService, managementService, engagement.reference());
        String review = get(rest, "olivia", "demo", engagement.path() + "/renewals").getBody();
        assertThat((List<String>) Json.read(review, "$[*].recommendation")).containsExactly("RENEGOTIATE");
        assertThat((List<String>) Json.read(review, "$[*].recommendationReason"))
                .containsExactly("Attainment declined over the term");
        assertThat((List<String>) Json.read(review, "$[*].summaryText")).singleElement().asString()
                .contains("97.67% on average, trend DECLINING", "closure rate 50%");
    }

    /** An item agreed with peter, then moved (as time would) to have been due on the given day. */
    private long actionItem(Registered engagement, LocalDate due) {
        ResponseEntity<String> created = postJson(rest, "olivia", "demo", engagement.path() + "/action-items", """
                {"description": "Clean up the vendor master", "owner": "peter", "dueDate": "%s"}"""
                .formatted(LocalDate.now(BERLIN).plusDays(7)));
        long id = ((Number) Json.read(created.getBody(), "$.id")).longValue();
        jdbc.update("update action_item set due_date = ? where id = ?", due, id);
        return id;
    }
}
