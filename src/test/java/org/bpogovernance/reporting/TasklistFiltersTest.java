package org.bpogovernance.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bpogovernance.testing.Http.get;
import static org.bpogovernance.testing.Http.postJson;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bpogovernance.testing.Engagements;
import org.bpogovernance.testing.Engagements.Registered;
import org.bpogovernance.testing.GovernanceTest;
import org.bpogovernance.testing.Json;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Tasklist shows tasks only through filters: every group finds "My tasks" with the engagement column. */
@GovernanceTest
class TasklistFiltersTest {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    TaskService taskService;

    @Test
    void everyoneFindsTheirOwnTasksUnderMyTasks() {
        String reference = "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        postJson(rest, "olivia", "demo", "/api/engagements", """
                {"name": "Litware claims %1$s", "client": "Litware", "provider": "Northwind BPO", "serviceScope": "Claims",
                 "contractReference": "%1$s", "termStart": "2030-01-01", "termEnd": "2032-12-31", "noticePeriodDays": 90,
                 "timeZone": "Europe/Berlin", "clientRepresentative": "clara", "providerManager": "peter",
                 "governanceOfficer": "olivia"}""".formatted(reference));

        for (String user : List.of("olivia", "clara", "peter", "sam")) {
            String filters = get(rest, user, "demo", "/engine-rest/filter?resourceType=Task").getBody();
            assertThat((List<String>) Json.read(filters, "$[*].name")).as(user).contains("My tasks", "My group tasks",
                    "Sign-offs waiting for me", "Due this week", "Overdue", "Escalations");
        }
        String filters = get(rest, "olivia", "demo", "/engine-rest/filter?resourceType=Task&name=My tasks").getBody();
        String myTasks = Json.read(filters, "$[0].id");
        assertThat((String) Json.read(filters, "$[0].properties.variables[0].name")).isEqualTo("engagementName");

        List<String> oliviasTasks = Json.read(get(rest, "olivia", "demo", "/engine-rest/filter/" + myTasks
                + "/list?maxResults=500").getBody(), "$[*].assignee");
        assertThat(oliviasTasks).isNotEmpty().containsOnly("olivia");
        List<String> clarasTasks = Json.read(get(rest, "clara", "demo", "/engine-rest/filter/" + myTasks
                + "/list?maxResults=500").getBody(), "$[*].assignee");
        assertThat(clarasTasks).doesNotContain("olivia", "peter");
    }

    @Test
    void signOffsOverdueTasksAndEscalationsEachHaveTheirFilter() {
        Registered engagement = Engagements.register(rest, LocalDate.now().withDayOfMonth(1), LocalDate.now().plusYears(2));
        Engagements.readyForCharterSignature(taskService, engagement);
        String clarasSignOff = taskService.createTaskQuery().processInstanceBusinessKey(engagement.reference())
                .taskDefinitionKey("userTask_signCharterAsClient").singleResult().getId();

        assertThat(listed("clara", "Sign-offs waiting for me")).contains(clarasSignOff);
        // Tasklist asks for the filter's variables embedded (HAL): clara sees which engagement it is for.
        String filterId = Json.read(get(rest, "clara", "demo", "/engine-rest/filter?resourceType=Task&name=Sign-offs waiting for me")
                .getBody(), "$[0].id");
        HttpHeaders hal = new HttpHeaders();
        hal.setBasicAuth("clara", "demo");
        hal.setAccept(List.of(MediaType.parseMediaType("application/hal+json")));
        String embedded = rest.exchange("/engine-rest/filter/" + filterId + "/list?maxResults=1000", HttpMethod.GET,
                new HttpEntity<>(hal), String.class).getBody();
        assertThat((List<String>) Json.read(embedded, "$._embedded.task[*]._embedded.variable[?(@.name == 'engagementName')].value"))
                .contains("Litware claims " + engagement.reference());
        assertThat(listed("peter", "Sign-offs waiting for me")).doesNotContain(clarasSignOff);
        assertThat(listed("olivia", "Sign-offs waiting for me")).doesNotContain(clarasSignOff);
        assertThat(listed("clara", "Due this week")).contains(clarasSignOff);
        assertThat(listed("clara", "Overdue")).doesNotContain(clarasSignOff);

        taskService.setDueDate(clarasSignOff, Date.from(Instant.now().minus(Duration.ofHours(1))));
        assertThat(listed("clara", "Overdue")).contains(clarasSignOff);
        assertThat(listed("clara", "Due this week")).doesNotContain(clarasSignOff);

        ResponseEntity<String> raised = postJson(rest, "clara", "demo", engagement.path() + "/escalations",
                "{\"subject\": \"The kick-off slipped twice\", \"severity\": \"HIGH\"}");
        assertThat(raised.getStatusCode()).as(raised.getBody()).isEqualTo(HttpStatus.CREATED);
        List<String> escalationLevels = taskService.createTaskQuery().processDefinitionKey("escalation")
                .processVariableValueEquals("engagementId", engagement.id()).list().stream().map(Task::getId).toList();
        assertThat(escalationLevels).hasSize(1);
        assertThat(listed("olivia", "Escalations")).containsAll(escalationLevels).doesNotContain(clarasSignOff);
    }

    private List<String> listed(String user, String filterName) {
        String filters = get(rest, user, "demo", "/engine-rest/filter?resourceType=Task&name=" + filterName).getBody();
        String id = Json.read(filters, "$[0].id");
        ResponseEntity<String> tasks = get(rest, user, "demo", "/engine-rest/filter/" + id + "/list?maxResults=1000");
        assertThat(tasks.getStatusCode()).as(tasks.getBody()).isEqualTo(HttpStatus.OK);
        return Json.read(tasks.getBody(), "$[*].id");
    }
}
