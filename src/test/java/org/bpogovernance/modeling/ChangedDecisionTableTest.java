package org.bpogovernance.modeling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bpogovernance.testing.Http.get;
import static org.bpogovernance.testing.Http.postJson;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.bpogovernance.testing.GovernanceTest;
import org.bpogovernance.testing.Json;
import org.bpogovernance.testing.Modeler;
import org.bpogovernance.testing.Renewals;
import org.bpogovernance.testing.ReviewCallWalk;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A decision table changed in Camunda Modeler applies from its next evaluation, and the
 * engagement's timeline says which version of kpi-health, escalation-routing, meeting-format and
 * renewal-recommendation decided.
 */
@GovernanceTest
class ChangedDecisionTableTest {

    private static final String MODELER_DEPLOYMENT = "escalation-routing";

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

    @Test
    void theTimelineSaysWhichVersionOfEachTableDecided() {
        ReviewCallWalk walk = new ReviewCallWalk(rest, runtimeService, managementService, taskService);
        walk.operationalEngagement();
        walk.measure(YearMonth.now(ReviewCallWalk.BERLIN), 97.5, 305);

        walk.callDue();
        walk.prepareAgendaAsDrafted();
        walk.schedule(LocalDate.now(ReviewCallWalk.BERLIN).plusDays(3), "10:00", "REMOTE");
        assertThat(timeline(walk)).contains("meeting-format version " + latest("meeting-format") + " suggested ");

        walk.measure(YearMonth.now(ReviewCallWalk.BERLIN).minusMonths(1), 90.0, 305);
        assertThat(timeline(walk)).contains("First-time-right rate (FTR) breached its threshold",
                "as kpi-health version " + latest("kpi-health") + " rates it",
                "starts at level 2, as escalation-routing version " + latest("escalation-routing") + " routes it");

        Renewals.windowOpens(runtimeService, managementService, walk.engagement.reference());
        assertThat(timeline(walk)).contains("as renewal-recommendation version " + latest("renewal-recommendation") + " advises");
    }

    @Test
    void aChangedRoutingTableRoutesTheNextEscalation() {
        ReviewCallWalk walk = new ReviewCallWalk(rest, runtimeService, managementService, taskService);
        walk.operationalEngagement();
        int before = latest("escalation-routing");
        assertThat(raise(walk, "Invoices are paid late")).isEqualTo(2);

        // The officer decides that a person's high-severity concern goes straight to the sponsors.
        String changed = Modeler.productFile("bpmn/escalation-routing.dmn").replace(
                "<outputEntry id=\"rule_manualHigh_startLevel\">\n          <text>2</text>",
                "<outputEntry id=\"rule_manualHigh_startLevel\">\n          <text>3</text>");
        assertThat(changed).isNotEqualTo(Modeler.productFile("bpmn/escalation-routing.dmn"));
        ResponseEntity<String> deployed = Modeler.deploy(rest, "olivia", "demo", "escalation-routing.dmn", changed);
        assertThat(deployed.getStatusCode()).as(deployed.getBody()).isEqualTo(HttpStatus.OK);

        assertThat(raise(walk, "Reports arrive late")).as("the next evaluation uses the changed table").isEqualTo(3);
        assertThat(timeline(walk)).contains("starts at level 2, as escalation-routing version " + before + " routes it",
                "starts at level 3, as escalation-routing version " + (before + 1) + " routes it");
    }

    private int raise(ReviewCallWalk walk, String subject) {
        ResponseEntity<String> raised = postJson(rest, "clara", "demo", walk.engagement.path() + "/escalations",
                "{\"subject\": \"" + subject + "\", \"severity\": \"HIGH\"}");
        assertThat(raised.getStatusCode()).as(raised.getBody()).isEqualTo(HttpStatus.CREATED);
        return Json.<Integer>read(raised.getBody(), "$.escalation.level");
    }

    private String timeline(ReviewCallWalk walk) {
        return String.join("\n", Json.<List<String>>read(get(rest, "clara", "demo", walk.engagement.path() + "/timeline")
                .getBody(), "$..summary"));
    }

    private int latest(String decisionKey) {
        return repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(decisionKey).latestVersion()
                .singleResult().getVersion();
    }

    @AfterEach
    void restoreTheProductsTable() {
        repositoryService.createDeploymentQuery().deploymentName(MODELER_DEPLOYMENT).list()
                .forEach(deployment -> repositoryService.deleteDeployment(deployment.getId(), true));
    }
}
