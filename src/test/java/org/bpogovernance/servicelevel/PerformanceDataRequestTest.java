package org.bpogovernance.servicelevel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bpogovernance.testing.Http.get;
import static org.bpogovernance.testing.Http.postJson;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.bpogovernance.testing.Engagements.Registered;
import org.bpogovernance.testing.Engagements;
import org.bpogovernance.testing.GovernanceTest;
import org.bpogovernance.testing.Json;
import org.bpogovernance.testing.Tasklist;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Each month, on the day the data is due, operational-governance asks the provider manager for
 * the values no feed delivered, in a Tasklist form listing the engagement's metrics; once per
 * period. (MilestoneReviewProcessTest visits every flow node of operational-governance.)
 */
@GovernanceTest
class PerformanceDataRequestTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Autowired
    TestRestTemplate rest;

    @Autowired
    TaskService taskService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    ManagementService managementService;

    @Autowired
    HistoryService historyService;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theProviderIsAskedOnceAMonthForWhatNoFeedDelivered() {
        LocalDate termStart = LocalDate.now(BERLIN).withDayOfMonth(1).minusMonths(6);
        Registered engagement = Engagements.register(rest, termStart, termStart.plusYears(3));
        Engagements.defineMetrics(rest, engagement, YearMonth.from(termStart).toString());
        Engagements.onboard(taskService, engagement);
        YearMonth lastMonth = YearMonth.now(BERLIN).minusMonths(1);
        assertThat(postJson(rest, "peter", "demo", engagement.path() + "/measurements",
                "{\"metric\": \"AHT\", \"period\": \"" + lastMonth + "\", \"value\": 310}").getStatusCode())
                .as("a feed delivered AHT").isEqualTo(HttpStatus.OK);

        ProcessInstance operations = operationsOf(engagement);
        Job due = job(operations, "timer_performanceDataDue");
        var now = java.time.ZonedDateTime.now(BERLIN);
        var expected = YearMonth.from(now).atDay(5).atTime(LocalTime.of(9, 0)).atZone(BERLIN);
        assertThat(due.getDuedate()).isEqualTo(Date.from((expected.isAfter(now) ? expected : expected.plusMonths(1)).toInstant()));
        managementService.executeJob(due.getId());

        Tasklist tasklist = new Tasklist(rest);
        String task = tasklist.taskOf("peter", engagement.reference(), "Submit performance data");
        String variables = tasklist.open("peter", task, "submitPerformanceDataForm");
        assertThat((String) Json.read(variables, "$.performanceDataPeriod.value")).isEqualTo(lastMonth.toString());
        assertThat(((String) Json.read(variables, "$.performanceValues.value")).lines())
                .containsExactly("FTR |  | ", "AHT | 310 | ");
        assertThat((String) Json.read(variables, "$.performanceMetrics.value"))
                .isEqualTo("FTR — First-time-right rate in %, target 98\nAHT — Average handling time in s, target 300");
        assertThat(jdbc.queryForObject("select count(*) from notification_outbox where kind = 'task-assigned' "
                + "and recipient_user_id = 'peter' and dedup_key like ?", Long.class, "task-assigned:" + task + ":%")).isOne();

        long measurements = countMeasurements();
        ResponseEntity<String> missing = tasklist.submit("peter", task, values("FTR |  | \nAHT | 310 | "));
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) Json.read(missing.getBody(), "$.message")).contains("Values line 1: value: is required for FTR");
        ResponseEntity<String> notANumber = tasklist.submit("peter", task, values("AHT | 310\n\nFTR | ninety"));
        assertThat((String) Json.read(notANumber.getBody(), "$.message"))
                .contains("Values line 3: value: 'ninety' is not a number");
        ResponseEntity<String> unknown = tasklist.submit("peter", task, values("CSAT | 4\nAHT | 310"));
        assertThat((String) Json.read(unknown.getBody(), "$.message"))
                .contains("Values line 1: metric: 'CSAT' is not a metric of this engagement");
        ResponseEntity<String> jsonFromAnApiClient = tasklist.submit("peter", task, "{\"performanceValues\": " + Tasklist.json("""
                [{"metric": "FTR", "value": null}, {"metric": "AHT", "value": 310}]""") + "}");
        assertThat((String) Json.read(jsonFromAnApiClient.getBody(), "$.message"))
                .contains("Values 1, value: is required for FTR");
        assertThat(countMeasurements()).as("refused submissions store nothing").isEqualTo(measurements);
        assertThat(tasklist.submit("clara", task, "{}").getStatusCode()).as("not clara's task").isEqualTo(HttpStatus.FORBIDDEN);

        tasklist.submitted("peter", task, values("FTR | 97.5 | two trainees\nAHT | 310 | "));
        String recorded = get(rest, "clara", "demo", engagement.path() + "/measurements").getBody();
        assertThat((List<String>) Json.read(recorded, "$[?(@.period == '" + lastMonth + "')].source"))
                .containsExactlyInAnyOrder("MANUAL_TASK", "API");
        assertThat((List<String>) Json.read(recorded, "$[?(@.source == 'MANUAL_TASK')].recordedBy")).containsExactly("peter");
        assertThat((List<String>) Json.read(recorded, "$[?(@.source == 'MANUAL_TASK')].comment")).containsExactly("two trainees");
        assertThat((List<String>) Json.read(recorded, "$[?(@.source == 'MANUAL_TASK')].healthRule"))
                .allMatch(rule -> rule.startsWith("kpi-health:"));
        assertThat(runtimeService.createVariableInstanceQuery().processInstanceIdIn(operations.getId())
                .variableName("performanceValues").count()).as("the form's list stays with the task").isZero();

        // The same period again (the timer fired twice in one month): nobody is asked twice.
        managementService.executeJob(job(operations, "timer_performanceDataDue").getId());
        assertThat(tasklist.tasksOf("peter", engagement.reference())).isEmpty();
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(operations.getId())
                .activityId("endEvent_performanceDataComplete").count()).isOne();

        managementService.executeJob(job(operations, "timer_renewalWindowOpens").getId());
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(operations.getId()).count())
                .as("the renewal window ends the phase, timers and all").isZero();
        assertThat((String) Json.read(get(rest, "olivia", "demo", engagement.path()).getBody(), "$.phase"))
                .isEqualTo("RENEWAL");
    }

    /** The form's text area as Tasklist submits it. */
    private static String values(String lines) {
        return "{\"performanceValues\": {\"value\": " + Json.quote(lines) + "}}";
    }

    private ProcessInstance operationsOf(Registered engagement) {
        ProcessInstance instance = runtimeService.createProcessInstanceQuery().processDefinitionKey("operational-governance")
                .processInstanceBusinessKey(engagement.reference()).singleResult();
        return instance;
    }

    private Job job(ProcessInstance instance, String activityId) {
        return managementService.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult();
    }

    private long countMeasurements() {
        return jdbc.queryForObject("select count(*) from measurement", Long.class);
    }
}
