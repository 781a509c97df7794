package org.bpogovernance.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bpogovernance.testing.Http.exchange;
import static org.bpogovernance.testing.Http.get;
import static org.bpogovernance.testing.Http.postJson;

import java.util.List;
import java.util.UUID;
import org.bpogovernance.testing.GovernanceTest;
import org.bpogovernance.testing.Json;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;

/** A KPI breach, or three warnings in a row, raises one escalation for the officers to resolve. */
@GovernanceTest
class BreachEscalationTest {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Test
    void aBreachAndRepeatedWarningsRaiseOneEscalationEach() {
        String reference = "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Integer id = Json.read(postJson(rest, "olivia", "demo", "/api/engagements", """
                {"name": "Tailwind payables %1$s", "client": "Tailwind", "provider": "Northwind BPO",
                 "serviceScope": "Accounts payable", "contractReference": "%1$s",
                 "termStart": "2026-01-01", "termEnd": "2028-12-31", "noticePeriodDays": 90, "timeZone": "Europe/Berlin",
                 "clientRepresentative": "clara", "providerManager": "peter", "governanceOfficer": "olivia"}"""
                .formatted(reference)).getBody(), "$.id");
        String base = "/api/engagements/" + id;
        exchange(rest, "olivia", "demo", HttpMethod.PUT, base + "/metrics", """
                {"effectiveFrom": "2026-01", "metrics": [
                  {"code": "AHT", "name": "Average handling time", "unit": "s", "direction": "LOWER_IS_BETTER",
                   "target": 300, "warning": 330, "breach": 360, "weight": 100,
                   "creditPercentPerBreach": 3, "creditCapPercent": 9, "earnBackAfterGoodPeriods": 0}]}""");

        postJson(rest, "peter", "demo", base + "/measurements", """
                [{"metric": "AHT", "period": "2026-01", "value": 400},
                 {"metric": "AHT", "period": "2026-02", "value": 340}, {"metric": "AHT", "period": "2026-03", "value": 345}]""");
        // Correcting January to another red value is no new breach: still one escalation for it.
        postJson(rest, "peter", "demo", base + "/measurements", "{\"metric\": \"AHT\", \"period\": \"2026-01\", \"value\": 410}");
        postJson(rest, "peter", "demo", base + "/measurements", "{\"metric\": \"AHT\", \"period\": \"2026-04\", \"value\": 335}");

        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("escalation")
                .variableValueEquals("engagementId", id.longValue()).list())
                .extracting(instance -> instance.getBusinessKey())
                .containsExactlyInAnyOrder("kpi:" + id + ":AHT:2026-01", "kpi:" + id + ":AHT:2026-04");

        var breachTask = taskService.createTaskQuery().processInstanceBusinessKey("kpi:" + id + ":AHT:2026-01").singleResult();
        assertThat(breachTask.getName()).isEqualTo("Resolve the escalation");
        assertThat(breachTask.getAssignee()).isEqualTo("olivia");
        assertThat((String) taskService.getVariable(breachTask.getId(), "escalationSubject"))
                .isEqualTo("Average handling time (AHT) breached its threshold in 2026-01");
        assertThat((String) taskService.getVariable(taskService.createTaskQuery()
                .processInstanceBusinessKey("kpi:" + id + ":AHT:2026-04").singleResult().getId(), "escalationTrigger"))
                .isEqualTo("REPEATED_WARNINGS");

        assertThatThrownBy(() -> taskService.complete(breachTask.getId(),
                Variables.createVariables().putValue("escalationResolution", "RESOLVED")))
                .hasMessageContaining("escalationNote: is required");
        taskService.complete(breachTask.getId(), Variables.createVariables().putValue("escalationResolution", "RESOLVED")
                .putValue("escalationNote", "Two more agents on the late shift from February"));

        String audit = get(rest, "olivia", "demo", base + "/audit").getBody();
        assertThat((List<String>) Json.read(audit, "$.content[*].action"))
                .containsSubsequence("ESCALATION_RAISED", "ESCALATION_RAISED", "ESCALATION_RESOLVED");
    }
}
