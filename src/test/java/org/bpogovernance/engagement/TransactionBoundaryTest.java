package org.bpogovernance.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bpogovernance.testing.Http.get;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.bpogovernance.testing.Engagements;
import org.bpogovernance.testing.Engagements.Registered;
import org.bpogovernance.testing.GovernanceTest;
import org.bpogovernance.testing.Json;
import org.bpogovernance.testing.Modeler;
import org.bpogovernance.testing.Tasklist;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The engine owns its transaction boundaries. An officer deploys an onboarding model from Modeler
 * whose step after the charter's join names a bean that does not exist: both parties still sign
 * (204, each signature kept), and the failing step becomes a job the engine retries and then an
 * incident that officers see in Cockpit, naming the step and the cause — not a 500 for a signer.
 */
@GovernanceTest
class TransactionBoundaryTest {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    ManagementService managementService;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aStepThatFailsAfterBothSignaturesBecomesAnIncidentAndTheSignaturesStay() throws Exception {
        String model = new ClassPathResource("bpmn/engagement-onboarding.bpmn").getContentAsString(StandardCharsets.UTF_8);
        String broken = model.replace("${checkCharterSignOffDelegate}", "${checkTheCharterSignOffs}");
        assertThat(broken).isNotEqualTo(model);
        ResponseEntity<String> deployed = Modeler.deploy(rest, "olivia", "demo", "engagement-onboarding.bpmn", broken);
        assertThat(deployed.getStatusCode()).as(deployed.getBody()).isEqualTo(HttpStatus.OK);
        String deploymentId = Json.read(deployed.getBody(), "$.id");
        try {
            Registered engagement = Engagements.register(rest, LocalDate.now().minusMonths(1), LocalDate.now().plusYears(2));
            Engagements.readyForCharterSignature(taskService, engagement);
            Tasklist tasklist = new Tasklist(rest);
            tasklist.submitted("clara", tasklist.taskOf("clara", engagement.reference(), "Sign the onboarding charter (client)"),
                    "{\"charterDecision\": {\"value\": \"APPROVE\"}}");
            tasklist.submitted("peter", tasklist.taskOf("peter", engagement.reference(), "Sign the onboarding charter (provider)"),
                    "{\"charterDecision\": {\"value\": \"APPROVE\"}}");

            ProcessInstance onboarding = runtimeService.createProcessInstanceQuery().processDefinitionKey("engagement-onboarding")
                    .processInstanceBusinessKey(engagement.reference()).singleResult();
            Job join = managementService.createJobQuery().processInstanceId(onboarding.getId()).messages().singleResult();
            assertThat(join.getExceptionMessage()).contains("checkTheCharterSignOffs");
            while (managementService.createJobQuery().jobId(join.getId()).singleResult().getRetries() > 0) {
                assertThatThrownBy(() -> managementService.executeJob(join.getId())).hasMessageContaining("checkTheCharterSignOffs");
            }

            String incidents = get(rest, "olivia", "demo", "/engine-rest/incident?processInstanceId=" + onboarding.getId()).getBody();
            assertThat((List<String>) Json.read(incidents, "$[*].incidentType")).containsExactly("failedJob");
            assertThat((List<String>) Json.read(incidents, "$[*].activityId")).containsExactly("parallelGateway_charterDecided");
            assertThat((List<String>) Json.read(incidents, "$[*].incidentMessage")).allMatch(message -> message.contains(
                    "checkTheCharterSignOffs"));
            assertThat(jdbc.queryForList("select side || ' ' || decision from charter_sign_off where engagement_id = ?",
                    String.class, engagement.id())).containsExactlyInAnyOrder("CLIENT APPROVE", "PROVIDER APPROVE");
            assertThat((String) Json.read(get(rest, "olivia", "demo", engagement.path()).getBody(), "$.phase"))
                    .isEqualTo("ONBOARDING");
        } finally {
            repositoryService.deleteDeployment(deploymentId, true);
        }
    }
}
