package org.bpogovernance.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bpogovernance.testing.Http.get;
import static org.bpogovernance.testing.Http.postJson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.bpogovernance.testing.Modeler;
import org.bpogovernance.testing.Json;
import org.bpogovernance.testing.RunningService;
import org.bpogovernance.testing.TestDatabase;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A governance officer changes the onboarding model in Camunda Modeler and deploys it to
 * /engine-rest: new engagements use it, running onboardings finish on the version they started
 * with, and restarting the service does not put the classpath version back.
 */
@Tag("database")
@Tag("own-jvm")
@ExtendWith(TestDatabase.class)
class ModelerDeploymentTest {

    final String dataDir = "./target/test-data/modeler-" + UUID.randomUUID();

    @Test
    void aModelDeployedFromModelerIsUsedByNewInstancesAndSurvivesARestart() throws IOException {
        String before = EngagementFixtures.uniqueReference();
        String after = EngagementFixtures.uniqueReference();
        int changedVersion;
        try (RunningService service = RunningService.start(dataDir)) {
            TestRestTemplate http = service.http();
            register(http, before);

            ResponseEntity<String> deployed = deployFromModeler(http, changedOnboardingModel());
            assertThat(deployed.getStatusCode()).as(deployed.getBody()).isEqualTo(HttpStatus.OK);
            changedVersion = service.bean(RepositoryService.class).createProcessDefinitionQuery()
                    .processDefinitionKey("engagement-onboarding").latestVersion().singleResult().getVersion();

            register(http, after);
            assertThat(kickOffTaskName(service, before)).isEqualTo("Schedule the kick-off");
            assertThat(kickOffTaskName(service, after)).isEqualTo("Schedule the kick-off meeting");
            assertThat(onboardingVersion(service, before)).isEqualTo(changedVersion - 1);
            assertThat(onboardingVersion(service, after)).isEqualTo(changedVersion);
        }

        try (RunningService restarted = RunningService.start(dataDir)) {
            var latest = restarted.bean(RepositoryService.class).createProcessDefinitionQuery()
                    .processDefinitionKey("engagement-onboarding").latestVersion().singleResult();
            assertThat(latest.getVersion()).isEqualTo(changedVersion);
            String third = EngagementFixtures.uniqueReference();
            register(restarted.http(), third);
            assertThat(kickOffTaskName(restarted, third)).isEqualTo("Schedule the kick-off meeting");
            assertThat(kickOffTaskName(restarted, before)).as("the running instance keeps its version")
                    .isEqualTo("Schedule the kick-off");
        }
    }

    private static void register(TestRestTemplate http, String reference) {
        ResponseEntity<String> created = postJson(http, "olivia", "demo", "/api/engagements",
                EngagementFixtures.registration(reference).toString());
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(get(http, "olivia", "demo", "/api/engagements/" + Json.read(created.getBody(), "$.id"))
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    /** The officer's change: the kick-off task gets a clearer name and a shorter deadline. */
    private static String changedOnboardingModel() throws IOException {
        String model = new ClassPathResource("bpmn/engagement-onboarding.bpmn").getContentAsString(StandardCharsets.UTF_8);
        String changed = model.replace("name=\"Schedule the kick-off\"", "name=\"Schedule the kick-off meeting\"")
                .replace("camunda:versionTag=\"1.1\"", "camunda:versionTag=\"1.2\"");
        assertThat(changed).isNotEqualTo(model);
        return changed;
    }

    private static ResponseEntity<String> deployFromModeler(TestRestTemplate http, String bpmn) {
        return Modeler.deploy(http, "olivia", "demo", "engagement-onboarding.bpmn", bpmn);
    }

    private static String kickOffTaskName(RunningService service, String reference) {
        return service.bean(TaskService.class).createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey("userTask_scheduleKickOff").singleResult().getName();
    }

    private static int onboardingVersion(RunningService service, String reference) {
        String definitionId = service.bean(RuntimeService.class).createProcessInstanceQuery()
                .processDefinitionKey("engagement-onboarding").processInstanceBusinessKey(reference).singleResult()
                .getProcessDefinitionId();
        return service.bean(RepositoryService.class).getProcessDefinition(definitionId).getVersion();
    }
}
