package org.bpogovernance.modeling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bpogovernance.testing.Http.get;
import static org.bpogovernance.testing.Http.postJson;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.bpogovernance.testing.GovernanceTest;
import org.bpogovernance.testing.Json;
import org.bpogovernance.testing.MigrationBatches;
import org.bpogovernance.testing.Modeler;
import org.bpogovernance.testing.ReviewCallWalk;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The officer's modelling loop on the product's own review call: milestone-review changed in
 * Camunda Modeler (a step renamed, the scheduling form reworded) is deployed through
 * {@code /engine-rest/deployment/create} while a call runs; the running call keeps the form it was
 * given until it is migrated, then moves to the new version and is walked to its end on it.
 */
@GovernanceTest
class ChangedReviewModelTest {

    private static final String MODELER_DEPLOYMENT = "milestone-review";

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired
    TestRestTemplate rest;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    ManagementService managementService;

    @Autowired
    TaskService taskService;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    HistoryService historyService;

    @Test
    void aCallRunningWhenTheOfficerDeploysAChangedModelMovesToItAndEndsOnIt() {
        ReviewCallWalk walk = new ReviewCallWalk(rest, runtimeService, managementService, taskService);
        walk.operationalEngagement();
        walk.measure(YearMonth.now(ReviewCallWalk.BERLIN), 97.5, 305);
        ProcessInstance review = walk.callDue();
        walk.prepareAgendaAsDrafted();
        String scheduling = walk.task("olivia", "Schedule the review call");
        int running = definitionVersion(review.getId());

        String model = Modeler.productFile("bpmn/milestone-review.bpmn")
                .replaceFirst("camunda:versionTag=\"[^\"]+\"", "camunda:versionTag=\"officer-1\"")
                .replace("name=\"Rate the review call\"", "name=\"Rate the call\"");
        String form = Modeler.productFile("forms/schedule-review-call.form")
                .replace("\"label\": \"Pick one time\"", "\"label\": \"Pick one time yourself\"");
        ResponseEntity<String> deployed = Modeler.deploy(rest, "olivia", "demo", "milestone-review.bpmn", model,
                Map.of("schedule-review-call.form", form));
        assertThat(deployed.getStatusCode()).as(deployed.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(repositoryService.getDeploymentResourceNames(Json.read(deployed.getBody(), "$.id")))
                .as("the forms Modeler left out as unchanged come with the model, as deployed with the version it replaces")
                .contains("milestone-review.bpmn", "schedule-review-call.form", "prepare-agenda.form", "rate-review-call.form");

        // The running call keeps the form deployed with its version until it moves.
        assertThat(deployedForm(scheduling)).contains("\"Pick one time\"").doesNotContain("Pick one time yourself");

        // This engagement's calls only: the other tests' calls in this service stay where they are.
        String thisEngagement = "\"engagementId\": " + walk.engagement.id();
        String dryRun = postJson(rest, "olivia", "demo", "/api/processes/milestone-review/migrations",
                "{\"dryRun\": true, " + thisEngagement + "}").getBody();
        assertThat(Json.<List<String>>read(dryRun, "$.instances[*].processInstanceId")).as(dryRun).containsExactly(review.getId());
        assertThat(Json.<List<Boolean>>read(dryRun, "$.instances[*].canMigrate")).containsExactly(true);
        String done = postJson(rest, "olivia", "demo", "/api/processes/milestone-review/migrations",
                "{" + thisEngagement + "}").getBody();
        assertThat(Json.<Integer>read(done, "$.migrating")).isEqualTo(1);
        MigrationBatches.run(managementService, Json.read(done, "$.batchIds"));

        assertThat(definitionVersion(review.getId())).isEqualTo(running + 1);
        assertThat(deployedForm(scheduling)).as("the migrated task shows the new version's form").contains("Pick one time yourself");
        assertThat(get(rest, "olivia", "demo", walk.engagement.path() + "/timeline").getBody())
                .contains("milestone-review moves from version " + running + " to " + (running + 1) + ", by olivia");

        // The call goes on to its end on the new version.
        LocalDate callDay = LocalDate.now(ReviewCallWalk.BERLIN).plusDays(3);
        walk.schedule(callDay, "10:00", (String) runtimeService.getVariable(review.getId(), "meetingFormat"));
        walk.answer("clara", "CONFIRM");
        walk.answer("peter", "CONFIRM");
        walk.answer("sam", "CONFIRM");
        walk.callTakesPlace(review);
        walk.record(ReviewCallWalk.actions(callDay.plusDays(14)));
        walk.signOff("clara", "APPROVE", null, null);
        walk.signOff("peter", "APPROVE", null, null);
        walk.tasklist.submitted("clara", walk.task("clara", "Rate the call"), "{\"satisfactionScore\": {\"value\": \"4\"}}");

        var ended = historyService.createHistoricProcessInstanceQuery().processInstanceId(review.getId()).singleResult();
        assertThat(ended.getEndTime()).as("the call has ended").isNotNull();
        assertThat(ended.getProcessDefinitionVersion()).isEqualTo(running + 1);
        assertThat(Json.<List<String>>read(get(rest, "clara", "demo", walk.engagement.path() + "/reviews").getBody(),
                "$[*].status")).containsExactly("SIGNED_OFF");
    }

    @Test
    void aModelWhoseFormsAreNowhereIsRefusedInWords() {
        String model = Modeler.productFile("bpmn/milestone-review.bpmn")
                .replace("camunda:formRef=\"rateReviewCallForm\"", "camunda:formRef=\"rateTheCallForm\"");
        long deploymentsBefore = repositoryService.createDeploymentQuery().count();

        ResponseEntity<String> refused = Modeler.deploy(rest, "olivia", "demo", "milestone-review.bpmn", model);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("milestone-review.bpmn needs the form 'rateTheCallForm'",
                "include additional files", "Nothing was deployed");
        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deploymentsBefore);
    }

    private int definitionVersion(String processInstanceId) {
        String definitionId = runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult()
                .getProcessDefinitionId();
        return repositoryService.getProcessDefinition(definitionId).getVersion();
    }

    private String deployedForm(String taskId) {
        return get(rest, "olivia", "demo", "/engine-rest/task/" + taskId + "/deployed-form").getBody();
    }

    @AfterEach
    void restoreTheProductsModel() {
        repositoryService.createDeploymentQuery().deploymentName(MODELER_DEPLOYMENT).list()
                .forEach(deployment -> repositoryService.deleteDeployment(deployment.getId(), true));
    }
}
