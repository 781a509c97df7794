package org.bpogovernance.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bpogovernance.testing.Http.exchange;
import static org.bpogovernance.testing.Http.get;
import static org.bpogovernance.testing.Http.postJson;

import java.time.LocalDate;
import java.util.List;
import org.bpogovernance.testing.Engagements.Registered;
import org.bpogovernance.testing.Engagements;
import org.bpogovernance.testing.GovernanceTest;
import org.bpogovernance.testing.Json;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * A KPI breach, or three warnings in a row, raises one escalation each, at the level the
 * escalation-routing table chooses: a high-severity breach before the account and delivery
 * managers (level 2), repeated warnings before the first responders (level 1, the officer).
 */
@GovernanceTest
class BreachEscalationTest {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    TaskService taskService;

    @Autowired
    RepositoryService repositoryService;

    @Test
    void aBreachAndRepeatedWarningsRaiseOneEscalationEachAtTheirLevel() {
        Registered engagement = engagementMeasuringHandlingTime();

        postJson(rest, "peter", "demo", engagement.path() + "/measurements", """
                [{"metric": "AHT", "period": "2026-01", "value": 400},
                 {"metric": "AHT", "period": "2026-02", "value": 340}, {"metric": "AHT", "period": "2026-03", "value": 345}]""");
        // Correcting January to another red value is no new breach: still one escalation for it.
        postJson(rest, "peter", "demo", engagement.path() + "/measurements", "{\"metric\": \"AHT\", \"period\": \"2026-01\", \"value\": 410}");
        postJson(rest, "peter", "demo", engagement.path() + "/measurements", "{\"metric\": \"AHT\", \"period\": \"2026-04\", \"value\": 335}");

        String escalations = get(rest, "clara", "demo", engagement.path() + "/escalations").getBody();
        assertThat((List<String>) Json.read(escalations, "$[*].cause")).containsExactly(
                "kpi:" + engagement.id() + ":AHT:2026-01", "kpi:" + engagement.id() + ":AHT:2026-04");
        assertThat((List<String>) Json.read(escalations, "$[*].trigger")).containsExactly("KPI_BREACH", "REPEATED_WARNINGS");
        assertThat((List<Integer>) Json.read(escalations, "$[*].level")).containsExactly(2, 1);
        String ratedBy = ", as kpi-health version " + repositoryService.createDecisionDefinitionQuery()
                .decisionDefinitionKey("kpi-health").latestVersion().singleResult().getVersion() + " rates it";
        assertThat((List<String>) Json.read(escalations, "$[*].subject")).containsExactly(
                "Average handling time (AHT) breached its threshold in 2026-01" + ratedBy,
                "Average handling time (AHT) warned three periods in a row in 2026-04" + ratedBy);

        var breachTask = taskService.createTaskQuery().processInstanceBusinessKey("kpi:" + engagement.id() + ":AHT:2026-01")
                .singleResult();
        assertThat(breachTask.getName()).isEqualTo("Respond to the escalation (level 2)");
        assertThat(taskService.getIdentityLinksForTask(breachTask.getId())).extracting(link -> link.getUserId() != null
                ? "user " + link.getUserId() : "group " + link.getGroupId())
                .contains("user clara", "user peter", "group governance-officers");
        var warningTask = taskService.createTaskQuery().processInstanceBusinessKey("kpi:" + engagement.id() + ":AHT:2026-04")
                .singleResult();
        assertThat(taskService.getIdentityLinksForTask(warningTask.getId())).extracting(link -> link.getUserId())
                .contains("olivia");
        String audit = get(rest, "olivia", "demo", engagement.path() + "/audit").getBody();
        assertThat((List<String>) Json.read(audit, "$.content[*].action")).containsSubsequence("ESCALATION_RAISED", "ESCALATION_RAISED");
    }
    @Test
    void aLateMonthThatCompletesThreeWarningsInARowIsEscalatedAsTheRunsLastMonth() {
        Registered engagement = engagementMeasuringHandlingTime();
        postJson(rest, "peter", "demo", engagement.path() + "/measurements", """
                [{"metric": "AHT", "period": "2026-01", "value": 340}, {"metric": "AHT", "period": "2026-03", "value": 345}]""");
        assertThat((List<?>) Json.read(get(rest, "clara", "demo", engagement.path() + "/escalations").getBody(), "$")).isEmpty();

        postJson(rest, "peter", "demo", engagement.path() + "/measurements",
                "{\"metric\": \"AHT\", \"period\": \"2026-02\", \"value\": 338}");
        String escalations = get(rest, "clara", "demo", engagement.path() + "/escalations").getBody();
        assertThat((List<String>) Json.read(escalations, "$[*].cause")).containsExactly("kpi:" + engagement.id() + ":AHT:2026-03");
        assertThat((List<String>) Json.read(escalations, "$[*].trigger")).containsExactly("REPEATED_WARNINGS");
    }

    /** An engagement from 2026 measuring AHT: warning above 330 s, breach above 360 s. */
    private Registered engagementMeasuringHandlingTime() {
        Registered engagement = Engagements.register(rest, LocalDate.of(2026, 1, 1), LocalDate.of(2028, 12, 31));
        exchange(rest, "olivia", "demo", org.springframework.http.HttpMethod.PUT, engagement.path() + "/metrics", """
                {"effectiveFrom": "2026-01", "metrics": [
                  {"code": "AHT", "name": "Average handling time", "unit": "s", "direction": "LOWER_IS_BETTER",
                   "target": 300, "warning": 330, "breach": 360, "weight": 100,
                   "creditPercentPerBreach": 3, "creditCapPercent": 9, "earnBackAfterGoodPeriods": 0}]}""");
        return engagement;
    }
}
