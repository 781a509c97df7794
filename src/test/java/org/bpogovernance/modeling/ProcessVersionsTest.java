package org.bpogovernance.modeling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bpogovernance.testing.Http.get;
import static org.bpogovernance.testing.Http.postJson;

import java.time.LocalDate;
import java.util.List;
import org.bpogovernance.testing.Engagements;
import org.bpogovernance.testing.GovernanceTest;
import org.bpogovernance.testing.Json;
import org.bpogovernance.testing.MigrationBatches;
import org.bpogovernance.testing.Modeler;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * An officer looks at a process's versions before changing it: who deployed each from Camunda
 * Modeler and when, and how many engagements still run on each; the product's own models show as
 * deployed by the service.
 */
@GovernanceTest
class ProcessVersionsTest {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    ManagementService managementService;

    @Autowired
    TaskService taskService;

    @Test
    void eachVersionSaysWhoDeployedItAndHowManyEngagementsRunOnIt() {
        ResponseEntity<String> first = Modeler.deploy(rest, "olivia", "demo", "versions-probe.bpmn",
                Modeler.testModel("versions-probe.bpmn").replace("VERSION_TAG", "1.0"));
        assertThat(first.getStatusCode()).as(first.getBody()).isEqualTo(HttpStatus.OK);
        runtimeService.startProcessInstanceByKey("versions-probe", "VP-ALPHA");
        runtimeService.startProcessInstanceByKey("versions-probe", "VP-ALPHA");
        runtimeService.startProcessInstanceByKey("versions-probe", "VP-BETA");
        ResponseEntity<String> second = Modeler.deploy(rest, "olivia", "demo", "versions-probe.bpmn",
                Modeler.testModel("versions-probe.bpmn").replace("VERSION_TAG", "1.1"));
        assertThat(second.getStatusCode()).as(second.getBody()).isEqualTo(HttpStatus.OK);
        runtimeService.startProcessInstanceByKey("versions-probe", "VP-GAMMA");

        String probe = get(rest, "olivia", "demo", "/api/processes/versions-probe/versions").getBody();
        assertThat(Json.<List<String>>read(probe, "$.versions[*].versionTag")).containsExactly("1.1", "1.0");
        assertThat(Json.<List<Integer>>read(probe, "$.versions[*].runningInstances")).containsExactly(1, 3);
        assertThat(Json.<List<Integer>>read(probe, "$.versions[*].engagements")).containsExactly(1, 2);
        assertThat(Json.<List<String>>read(probe, "$.versions[*].deployedBy")).containsExactly("olivia", "olivia");
        assertThat(Json.<List<String>>read(probe, "$.versions[*].source")).containsOnly("Camunda Modeler");

        String all = get(rest, "olivia", "demo", "/api/processes").getBody();
        assertThat(Json.<List<String>>read(all, "$[*].key")).contains("milestone-review", "engagement-lifecycle", "versions-probe");
        assertThat(Json.<List<String>>read(all, "$[?(@.key == 'relationship-survey')].versions[0].deployedBy"))
                .as("the product's own models, deployed at start-up").containsExactly(ProcessVersions.THE_SERVICE);

        assertThat(get(rest, "clara", "demo", "/api/processes").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get(rest, "olivia", "demo", "/api/processes/no-such-process/versions").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void runningInstancesMoveToTheNewVersionUnlessTheirStepIsGoneAndTheDryRunSaysWhichBeforehand() {
        var engagement = Engagements.register(rest, LocalDate.now().withDayOfMonth(1), LocalDate.now().plusYears(2));
        String probe = Modeler.testModel("versions-probe.bpmn");
        Modeler.deploy(rest, "olivia", "demo", "versions-probe.bpmn", probe.replace("VERSION_TAG", "1.0"));
        String alpha = runtimeService.startProcessInstanceByKey("versions-probe", engagement.reference()).getId();
        runtimeService.startProcessInstanceByKey("versions-probe", "VP-BETA");
        Modeler.deploy(rest, "olivia", "demo", "versions-probe.bpmn", probe.replace("VERSION_TAG", "1.1")
                .replace("Probe work", "Probe work, renamed"));

        // The dry run: both can move (the waiting step has the same id); nothing moves.
        String dryRun = postJson(rest, "olivia", "demo", "/api/processes/versions-probe/migrations", "{\"dryRun\": true}").getBody();
        assertThat(Json.<List<Boolean>>read(dryRun, "$.instances[*].canMigrate")).containsExactly(true, true);
        assertThat(Json.<Integer>read(dryRun, "$.migrating")).isZero();
        assertThat(runningOn(2)).isZero();

        String done = postJson(rest, "olivia", "demo", "/api/processes/versions-probe/migrations", "{}").getBody();
        assertThat(Json.<Integer>read(done, "$.migrating")).isEqualTo(2);
        MigrationBatches.run(managementService, Json.read(done, "$.batchIds"));
        assertThat(runningOn(2)).isEqualTo(2);
        var waiting = taskService.createTaskQuery().processInstanceId(alpha).singleResult();
        assertThat(waiting.getTaskDefinitionKey()).as("the open task survives the move").isEqualTo("userTask_probeWork");
        assertThat(waiting.getProcessDefinitionId()).isEqualTo(definitionOf(2).getId());
        assertThat(get(rest, "olivia", "demo", engagement.path() + "/timeline").getBody())
                .contains("versions-probe moves from version 1 to 2, by olivia");

        // Version 3 has no "Probe work" any more: the instances waiting there cannot move, and say why.
        Modeler.deploy(rest, "olivia", "demo", "versions-probe.bpmn", probe.replace("VERSION_TAG", "2.0")
                .replace("userTask_probeWork", "userTask_probeReview"));
        String refused = postJson(rest, "olivia", "demo", "/api/processes/versions-probe/migrations",
                "{\"dryRun\": false, \"fromVersion\": 2}").getBody();
        assertThat(Json.<List<Boolean>>read(refused, "$.instances[*].canMigrate")).containsExactly(false, false);
        assertThat(Json.<List<String>>read(refused, "$.instances[0].reasons"))
                .contains("it waits at 'Probe work, renamed', which version 3 no longer has");
        assertThat(Json.<List<String>>read(refused, "$.batchIds")).isEmpty();
        assertThat(runningOn(2)).isEqualTo(2);

        ResponseEntity<String> noSuchVersion = postJson(rest, "olivia", "demo", "/api/processes/versions-probe/migrations",
                "{\"toVersion\": 9}");
        assertThat(noSuchVersion.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noSuchVersion.getBody()).contains("toVersion", "versions-probe has no version 9");
        assertThat(postJson(rest, "clara", "demo", "/api/processes/versions-probe/migrations", "{\"dryRun\": true}")
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private long runningOn(int version) {
        return runtimeService.createProcessInstanceQuery().processDefinitionId(definitionOf(version).getId()).count();
    }

    private ProcessDefinition definitionOf(int version) {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey("versions-probe")
                .processDefinitionVersion(version).singleResult();
    }

    @AfterEach
    void removeTheProbe() {
        repositoryService.createDeploymentQuery().deploymentName("versions-probe").list()
                .forEach(deployment -> repositoryService.deleteDeployment(deployment.getId(), true));
    }
}
