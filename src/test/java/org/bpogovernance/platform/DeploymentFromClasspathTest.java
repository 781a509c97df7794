package org.bpogovernance.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bpogovernance.testing.Http.get;
import static org.bpogovernance.testing.Http.postJson;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.bpogovernance.testing.GovernanceTest;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A model in bpmn/ and its form in forms/ (here the test-only deployment-check pair) are
 * deployed at start-up, once and together, and Tasklist gets the form of its task from /engine-rest.
 */
@GovernanceTest
class DeploymentFromClasspathTest {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    RepositoryService repositoryService;

    @Test
    void theModelAndItsFormAreDeployedOnce() {
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("deployment-check").list())
                .singleElement()
                .satisfies(definition -> {
                    assertThat(definition.getVersion()).isEqualTo(1);
                    assertThat(definition.getHistoryTimeToLive()).isEqualTo(1);
                });
        var definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey("deployment-check").singleResult();
        assertThat(repositoryService.getDeploymentResourceNames(definition.getDeploymentId()))
                .as("the model is deployed together with its form")
                .containsExactlyInAnyOrder("deployment-check.bpmn", "deployment-check.form");
    }

    @Test
    void aTaskShowsItsDeployedFormToItsCandidatesOnly() {
        ResponseEntity<String> started = postJson(rest, "olivia", "demo",
                "/engine-rest/process-definition/key/deployment-check/start", "{}");
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
        String instanceId = JsonPath.read(started.getBody(), "$.id");

        List<String> taskIds = JsonPath.read(
                get(rest, "olivia", "demo", "/engine-rest/task?processInstanceId=" + instanceId).getBody(), "$[*].id");
        assertThat(taskIds).hasSize(1);

        ResponseEntity<String> form = get(rest, "olivia", "demo", "/engine-rest/task/" + taskIds.get(0) + "/deployed-form");
        assertThat(form.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((String) JsonPath.read(form.getBody(), "$.id")).isEqualTo("deploymentCheckForm");
        assertThat((String) JsonPath.read(form.getBody(), "$.components[0].key")).isEqualTo("comment");

        // A participant who is no candidate of the task neither sees it nor its form.
        assertThat((List<?>) JsonPath.read(
                get(rest, "clara", "demo", "/engine-rest/task?processInstanceId=" + instanceId).getBody(), "$"))
                .isEmpty();
        assertThat(get(rest, "clara", "demo", "/engine-rest/task/" + taskIds.get(0) + "/deployed-form").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }
}
