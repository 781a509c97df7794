package org.bpogovernance.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bpogovernance.testing.Http.exchange;
import static org.bpogovernance.testing.Http.get;
import static org.bpogovernance.testing.Http.postJson;

import java.util.List;
import org.bpogovernance.testing.GovernanceTest;
import org.bpogovernance.testing.Json;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Registering, finding, changing an engagement and its stakeholders through /api, as its users do. */
@GovernanceTest
class EngagementApiTest {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Test
    void registeringStartsTheLifecycleWithTheOfficersFirstOnboardingTask() {
        String reference = EngagementFixtures.uniqueReference();

        ResponseEntity<String> created = postJson(rest, "olivia", "demo", "/api/engagements",
                EngagementFixtures.registration(reference).toString());

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Integer id = Json.read(created.getBody(), "$.id");
        assertThat(created.getHeaders().getLocation()).hasPath("/api/engagements/" + id);
        assertThat((String) Json.read(created.getBody(), "$.phase")).isEqualTo("ONBOARDING");
        assertThat((List<String>) Json.read(created.getBody(), "$.tiers[*].tier"))
                .containsExactly("OPERATIONAL", "MANAGEMENT", "EXECUTIVE");

        var lifecycle = runtimeService.createProcessInstanceQuery().processDefinitionKey("engagement-lifecycle")
                .processInstanceBusinessKey(reference).singleResult();
        assertThat(lifecycle.getId()).isEqualTo(Json.read(created.getBody(), "$.lifecycleProcessInstanceId"));
        var firstTask = taskService.createTaskQuery().processInstanceBusinessKey(reference).singleResult();
        assertThat(firstTask.getTaskDefinitionKey()).isEqualTo("userTask_scheduleKickOff");
        assertThat(firstTask.getAssignee()).isEqualTo("olivia");
        assertThat(firstTask.getDueDate()).isNotNull();

        String audit = get(rest, "olivia", "demo", "/api/engagements/" + id + "/audit").getBody();
        assertThat((List<String>) Json.read(audit, "$.content[*].action"))
                .containsSubsequence("REGISTERED", "STAKEHOLDER_ADDED", "STAKEHOLDER_ADDED", "STAKEHOLDER_ADDED",
                        "ONBOARDING_STARTED");
        assertThat((List<String>) Json.read(audit, "$.content[*].actor")).containsOnly("olivia");
    }

    @Test
    void participantsSeeOnlyTheEngagementsTheyAreOn() {
        String reference = EngagementFixtures.uniqueReference();
        Integer id = Json.read(postJson(rest, "olivia", "demo", "/api/engagements",
                EngagementFixtures.registration(reference).toString()).getBody(), "$.id");

        assertThat(get(rest, "clara", "demo", "/api/engagements/" + id).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get(rest, "carl", "demo", "/api/engagements/" + id).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get(rest, "carl", "demo", "/api/engagements/" + id + "/stakeholders").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat((List<String>) Json.read(get(rest, "carl", "demo", "/api/engagements?size=500").getBody(),
                "$.content[*].contractReference")).doesNotContain(reference);
        assertThat((List<String>) Json.read(get(rest, "peter", "demo", "/api/engagements?size=500").getBody(),
                "$.content[*].contractReference")).contains(reference);
    }

    @Test
    void theListFiltersByPhaseClientAndProviderAndPages() {
        String reference = EngagementFixtures.uniqueReference();
        var registration = EngagementFixtures.registration(reference);
        registration.put("client", "Fabrikam " + reference);
        postJson(rest, "olivia", "demo", "/api/engagements", registration.toString());

        String byClient = get(rest, "olivia", "demo", "/api/engagements?client=fabrikam " + reference.toLowerCase()).getBody();
        assertThat((List<String>) Json.read(byClient, "$.content[*].contractReference")).containsExactly(reference);

        String onboarding = get(rest, "olivia", "demo", "/api/engagements?phase=ONBOARDING&size=500").getBody();
        assertThat((List<String>) Json.read(onboarding, "$.content[*].phase")).isNotEmpty().containsOnly("ONBOARDING");
        assertThat((List<String>) Json.read(onboarding, "$.content[*].contractReference")).contains(reference);
        String closed = get(rest, "olivia", "demo", "/api/engagements?phase=CLOSED&client=" + reference).getBody();
        assertThat((List<?>) Json.read(closed, "$.content")).isEmpty();

        String byProvider = get(rest, "olivia", "demo", "/api/engagements?provider=northwind&size=1&page=0").getBody();
        assertThat((List<?>) Json.read(byProvider, "$.content")).hasSize(1);
        assertThat((Integer) Json.read(byProvider, "$.page.totalElements")).isGreaterThan(1);
    }

    @Test
    void anOfficerChangesTheTermsWithTheVersionTheyReadAndTheAuditSaysWhat() {
        String reference = EngagementFixtures.uniqueReference();
        String created = postJson(rest, "olivia", "demo", "/api/engagements",
                EngagementFixtures.registration(reference).toString()).getBody();
        Integer id = Json.read(created, "$.id");
        var change = EngagementFixtures.registration(reference);
        change.put("noticePeriodDays", 120);
        change.put("version", ((Integer) Json.read(created, "$.version")).longValue());

        ResponseEntity<String> changed = exchange(rest, "olivia", "demo", HttpMethod.PUT, "/api/engagements/" + id,
                change.toString());
        assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((Integer) Json.read(changed.getBody(), "$.noticePeriodDays")).isEqualTo(120);

        ResponseEntity<String> stale = exchange(rest, "olivia", "demo", HttpMethod.PUT, "/api/engagements/" + id,
                change.toString());
        assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((List<String>) Json.read(stale.getBody(), "$.errors[*].field")).containsExactly("version");

        String audit = get(rest, "olivia", "demo", "/api/engagements/" + id + "/audit").getBody();
        assertThat((List<String>) Json.read(audit, "$.content[?(@.action == 'CHANGED')].details"))
                .containsExactly("noticePeriodDays: 90 -> 120");
        assertThat(exchange(rest, "clara", "demo", HttpMethod.PUT, "/api/engagements/" + id, change.toString())
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void anOfficerMaintainsTheStakeholderMap() {
        Integer id = Json.read(postJson(rest, "olivia", "demo", "/api/engagements",
                EngagementFixtures.registration(EngagementFixtures.uniqueReference()).toString()).getBody(), "$.id");
        String path = "/api/engagements/" + id + "/stakeholders";

        ResponseEntity<String> added = postJson(rest, "olivia", "demo", path,
                "{\"userId\": \"sam\", \"side\": \"CLIENT\", \"role\": \"EXECUTIVE_SPONSOR\", \"escalationLevel\": 3}");
        assertThat(added.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Integer stakeholderId = Json.read(added.getBody(), "$.id");
        assertThat((List<String>) Json.read(get(rest, "sam", "demo", path).getBody(), "$[*].userId"))
                .containsExactly("clara", "peter", "olivia", "sam");

        assertThat(exchange(rest, "olivia", "demo", HttpMethod.DELETE, path + "/" + stakeholderId, null)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat((List<String>) Json.read(get(rest, "olivia", "demo", path).getBody(), "$[*].userId"))
                .containsExactly("clara", "peter", "olivia");
        String audit = get(rest, "olivia", "demo", "/api/engagements/" + id + "/audit").getBody();
        assertThat((List<String>) Json.read(audit, "$.content[*].action")).contains("STAKEHOLDER_REMOVED");
    }
}
