package org.bpogovernance.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bpogovernance.testing.Http.exchange;
import static org.bpogovernance.testing.Http.get;

import java.util.List;
import java.util.UUID;
import org.bpogovernance.testing.Engagements.Registered;
import org.bpogovernance.testing.Engagements;
import org.bpogovernance.testing.GovernanceTest;
import org.bpogovernance.testing.Json;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** A change of the stakeholder map takes effect at once, on Camunda's surfaces as on /api. */
@GovernanceTest
class StakeholderAccessChangesTest {

    static final String PASSWORD = "Stakeholder-test-1!";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    IdentityService identityService;
    @Autowired
    TaskService taskService;

    final String suffix = UUID.randomUUID().toString().substring(0, 6);

    @Test
    void aPersonAddedSeesTheEngagementsProcessesAndPeople_aPersonRemovedLosesThemAndTheirOpenTasks() {
        String client = person("client", GovernanceGroups.CLIENT_REPRESENTATIVES);
        String provider = person("provider", GovernanceGroups.PROVIDER_MANAGERS);
        String successor = person("successor", GovernanceGroups.CLIENT_REPRESENTATIVES);
        Registered engagement = Engagements.registerFor(rest, "Changes " + suffix, client, provider);
        Engagements.readyForCharterSignature(taskService, engagement);
        Task clientsSignature = taskService.createTaskQuery().processInstanceBusinessKey(engagement.reference())
                .taskDefinitionKey("userTask_signCharterAsClient").singleResult();
        assertThat(clientsSignature.getAssignee()).isEqualTo(client);

        String instances = "/engine-rest/process-instance?businessKey=" + engagement.reference();
        assertThat(read(successor, instances)).isEqualTo("[]");
        assertThat(read(successor, "/engine-rest/user")).doesNotContain(provider);

        Engagements.addStakeholder(rest, engagement, successor, "CLIENT", "CLIENT_REPRESENTATIVE", 2);

        assertThat(read(successor, instances)).contains("engagement-lifecycle", "engagement-onboarding");
        assertThat(read(successor, "/engine-rest/history/process-instance?processInstanceBusinessKey=" + engagement.reference()))
                .contains("engagement-lifecycle");
        assertThat(read(successor, "/engine-rest/user")).contains(provider, client);
        assertThat(read(provider, "/engine-rest/user")).contains(successor);
        assertThat(read(client, "/engine-rest/task")).contains(clientsSignature.getId());

        ResponseEntity<String> removed = exchange(rest, "olivia", "demo", HttpMethod.DELETE,
                engagement.path() + "/stakeholders/" + stakeholderId(engagement, client), null);
        assertThat(removed.getStatusCode()).as(removed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(read(client, instances)).isEqualTo("[]");
        assertThat(read(client, "/engine-rest/task")).doesNotContain(clientsSignature.getId());
        assertThat(get(rest, client, PASSWORD, "/engine-rest/task/" + clientsSignature.getId()).getStatusCode().value())
                .isIn(403, 404);
        assertThat(read(client, "/engine-rest/user")).doesNotContain(provider);
        assertThat(get(rest, client, PASSWORD, engagement.path()).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(taskService.createTaskQuery().taskId(clientsSignature.getId()).singleResult().getAssignee())
                .as("the open signature goes to the other client representative").isEqualTo(successor);
        assertThat(read(successor, "/engine-rest/task")).contains(clientsSignature.getId());
    }

    private String read(String user, String path) {
        ResponseEntity<String> answer = get(rest, user, PASSWORD, path);
        assertThat(answer.getStatusCode()).as(path + ": " + answer.getBody()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    private String person(String role, String group) {
        return Engagements.person(identityService, role + "-" + suffix, group, PASSWORD);
    }

    private long stakeholderId(Registered engagement, String user) {
        List<Number> ids = Json.read(get(rest, "olivia", "demo", engagement.path() + "/stakeholders").getBody(),
                "$[?(@.userId == '" + user + "')].id");
        return ids.get(0).longValue();
    }
}
