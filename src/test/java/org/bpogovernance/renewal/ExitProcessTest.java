package org.bpogovernance.renewal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bpogovernance.testing.Http.get;
import static org.bpogovernance.testing.Http.postJson;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bpogovernance.testing.Engagements.Registered;
import org.bpogovernance.testing.Engagements;
import org.bpogovernance.testing.FlowNodeCoverage;
import org.bpogovernance.testing.GovernanceTest;
import org.bpogovernance.testing.Json;
import org.bpogovernance.testing.Renewals;
import org.bpogovernance.testing.Tasklist;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * engagement-exit: a plan refused line by line, then agreed; items done through Tasklist and the
 * API; a sign-off refused while items are open; a party refusing to sign off, the missing point
 * added and done; both sign; the engagement CLOSED and read-only. Every flow node is visited.
 */
@GovernanceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExitProcessTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ProcessEngine processEngine;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    ManagementService managementService;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    HistoryService historyService;

    @Autowired
    JdbcTemplate jdbc;

    final List<String> exits = new ArrayList<>();

    @BeforeEach
    void bindAssertions() {
        AbstractAssertions.init(processEngine);
    }

    @Test
    void theExitRunsThroughItsPlanAndBothSignOffsToClosed() {
        LocalDate today = LocalDate.now(BERLIN);
        Registered engagement = Engagements.register(rest, today.minusMonths(6), today.plusDays(150));
        Engagements.addSponsor(rest, engagement);
        Engagements.onboard(taskService, engagement);
        Renewals.windowOpens(runtimeService, managementService, engagement.reference());
        long renewalId = jdbc.queryForObject("select id from renewal_review where engagement_id = ?", Long.class,
                engagement.id());
        Renewals.exit(taskService, engagement.reference(), "The service moves in-house");
        ProcessInstance exit = runtimeService.createProcessInstanceQuery().processDefinitionKey("engagement-exit")
                .processInstanceBusinessKey(engagement.reference()).singleResult();
        exits.add(exit.getId());
        Tasklist tasklist = new Tasklist(rest);

        // The plan: every line's faults at once, and nothing stored.
        String prepare = tasklist.taskOf("olivia", engagement.reference(), "Prepare the exit plan");
        String suggested = Json.read(tasklist.open("olivia", prepare, "prepareExitPlanForm"), "$.exitPlan.value");
        assertThat(suggested.lines()).hasSize(5).allMatch(line -> line.split("\\|").length == 4);
        ResponseEntity<String> bad = tasklist.submit("olivia", prepare, "{\"exitPlan\": {\"value\": " + Json.quote("""
                KNOWLEDGE_TRANSFER | carl | %1$s | Shadowing
                DATA_RETURN |  | %1$s | Return the data
                SERVICE_HANDOVER | peter | %2$s | Hand over
                TEA_BREAK | peter | %1$s | Celebrate""".formatted(today.plusDays(10), today.minusDays(1))) + "}}");
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) Json.read(bad.getBody(), "$.message")).contains(
                "Exit and transition plan line 1: owner: carl is not a stakeholder", "Exit and transition plan line 2: owner: is required",
                "Exit and transition plan line 3: due date: must be after today", "Exit and transition plan line 4: category: must be one of",
                "Exit and transition plan: has no item for [ACCESS_REMOVAL, FINAL_REVIEW_CALL]");
        assertThat(jdbc.queryForObject("select count(*) from exit_item where engagement_id = ?", Long.class, engagement.id()))
                .isZero();
        tasklist.submitted("olivia", prepare, "{\"exitPlan\": {\"value\": " + Json.quote(suggested) + "}}");
        List<Task> items = Renewals.tasks(taskService, engagement.reference(), "userTask_completeExitItem");
        assertThat(items).extracting(Task::getAssignee).containsExactlyInAnyOrder("peter", "peter", "peter", "clara", "olivia");

        // Still open when the engagement closes: an action item and an escalation.
        long actionItem = ((Number) Json.read(postJson(rest, "olivia", "demo", engagement.path() + "/action-items",
                "{\"description\": \"Archive the shared mailbox\", \"owner\": \"peter\", \"dueDate\": \""
                        + today.plusDays(20) + "\"}").getBody(), "$.id")).longValue();
        long escalation = ((Number) Json.read(postJson(rest, "clara", "demo", engagement.path() + "/escalations",
                "{\"subject\": \"Handover documentation is thin\", \"severity\": \"LOW\"}").getBody(),
                "$.escalation.id")).longValue();

        // Nobody signs off while items are open.
        ResponseEntity<String> early = postJson(rest, "clara", "demo", engagement.path() + "/exit/sign-off",
                "{\"decision\": \"APPROVE\"}");
        assertThat(early.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((String) Json.read(early.getBody(), "$.detail")).contains("exit items still open");

        // Items done: in Tasklist (a note is required), through the API, and by an officer for its owner.
        String plan = get(rest, "peter", "demo", engagement.path() + "/exit").getBody();
        List<Integer> peters = Json.read(plan, "$.items[?(@.owner == 'peter')].id");
        Task first = items.stream().filter(t -> t.getAssignee().equals("peter")).findFirst().orElseThrow();
        ResponseEntity<String> noNote = tasklist.submit("peter", first.getId(), "{}");
        assertThat((String) Json.read(noNote.getBody(), "$.message")).contains("What was done: is required");
        tasklist.submitted("peter", first.getId(), "{\"exitItemNote\": {\"value\": \"Runbooks handed over\"}}");
        for (Integer id : peters) {
            String path = engagement.path() + "/exit/items/" + id + "/complete";
            ResponseEntity<String> done = postJson(rest, "peter", "demo", path, "{\"note\": \"Done, see the handover log\"}");
            if (done.getStatusCode() == HttpStatus.CONFLICT) {
                assertThat((String) Json.read(done.getBody(), "$.detail")).contains("done already");
            } else {
                assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(HttpStatus.OK);
            }
        }
        Task claras = Renewals.tasks(taskService, engagement.reference(), "userTask_completeExitItem").stream()
                .filter(t -> t.getAssignee().equals("clara")).findFirst().orElseThrow();
        tasklist.submitted("olivia", claras.getId(), "{\"exitItemNote\": {\"value\": \"Accounts disabled by IT\"}}");
        Task officers = Renewals.task(taskService, engagement.reference(), "userTask_completeExitItem");
        tasklist.submitted("olivia", officers.getId(), "{\"exitItemNote\": {\"value\": \"Final call held\"}}");
        plan = get(rest, "olivia", "demo", engagement.path() + "/exit").getBody();
        assertThat((List<String>) Json.read(plan, "$.items[*].status")).containsOnly("DONE");
        assertThat((List<String>) Json.read(plan, "$.items[?(@.owner == 'clara')].completedBy")).containsExactly("olivia");

        // The client refuses: the missing point becomes an item, done, and both sign.
        ResponseEntity<String> refusal = postJson(rest, "clara", "demo", engagement.path() + "/exit/sign-off",
                "{\"decision\": \"REJECT\"}");
        assertThat((List<String>) Json.read(refusal.getBody(), "$.errors[*].field")).containsExactly("signOffReason");
        assertThat(postJson(rest, "clara", "demo", engagement.path() + "/exit/sign-off",
                "{\"decision\": \"REJECT\", \"reason\": \"No certificate that our data was deleted\"}").getStatusCode())
                .isEqualTo(HttpStatus.OK);
        tasklist.submitted("peter", tasklist.taskOf("peter", engagement.reference(), "Sign off the exit"),
                "{\"signOffDecision\": {\"value\": \"APPROVE\"}}");
        assertThat(exit).hasPassed("serviceTask_checkExitSignOff").isWaitingAt("userTask_addressExitPoints");
        String address = tasklist.taskOf("olivia", engagement.reference(), "Address the open exit points");
        assertThat((String) Json.read(tasklist.open("olivia", address, "addressExitPointsForm"), "$.rejections.value"))
                .isEqualTo("CLIENT (clara): No certificate that our data was deleted");
        String addressForm = get(rest, "olivia", "demo", "/engine-rest/task/" + address + "/deployed-form").getBody();
        List<String> described = Json.read(addressForm, "$.components[?(@.key == 'exitPlan')].description");
        assertThat(described).hasSize(1);
        assertThat(described.get(0)).as("the categories the new items take")
                .contains(Stream.of(ExitItem.Category.values()).map(Enum::name).toArray(String[]::new));
        ResponseEntity<String> nothingAdded = tasklist.submit("olivia", address, "{\"exitPlan\": {\"value\": \"\"}}");
        assertThat((String) Json.read(nothingAdded.getBody(), "$.message")).contains("New items: is empty");
        tasklist.submitted("olivia", address, "{\"exitPlan\": {\"value\": \"DATA_RETURN | peter | " + today.plusDays(3)
                + " | Send the certificate of deletion\"}}");
        tasklist.submitted("peter", tasklist.taskOf("peter", engagement.reference(), "Complete the exit item"),
                "{\"exitItemNote\": {\"value\": \"Certificate sent on letterhead\"}}");
        for (String signer : List.of("clara", "peter")) {
            tasklist.submitted(signer, tasklist.taskOf(signer, engagement.reference(), "Sign off the exit"),
                    "{\"signOffDecision\": {\"value\": \"APPROVE\"}}");
        }
        assertThat(exit).hasPassed("endEvent_exitCompleted").isEnded();

        // Closed and read-only; what was still open ended with it.
        String closed = get(rest, "olivia", "demo", engagement.path()).getBody();
        assertThat((String) Json.read(closed, "$.phase")).isEqualTo("CLOSED");
        String item = get(rest, "olivia", "demo", engagement.path() + "/action-items/" + actionItem).getBody();
        assertThat((String) Json.read(item, "$.status")).isEqualTo("CANCELLED");
        assertThat((String) Json.read(item, "$.cancelReason")).isEqualTo("the engagement closed");
        String withdrawn = get(rest, "olivia", "demo", engagement.path() + "/escalations/" + escalation).getBody();
        assertThat((String) Json.read(withdrawn, "$.escalation.resolution")).isEqualTo("WITHDRAWN");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(engagement.reference()).count())
                .as("no process of the engagement runs on").isZero();
        plan = get(rest, "clara", "demo", engagement.path() + "/exit").getBody();
        assertThat((List<String>) Json.read(plan, "$.signOffs[*].decision")).containsExactly("REJECT", "APPROVE", "APPROVE",
                "APPROVE");
        assertThat(postJson(rest, "olivia", "demo", engagement.path() + "/renewals/" + renewalId + "/decision",
                "{\"renewalDecision\": \"RENEW\", \"renewalRationale\": \"too late\"}").getStatusCode())
                .as("a decision after the engagement closed").isEqualTo(HttpStatus.CONFLICT);
        assertThat(postJson(rest, "clara", "demo", engagement.path() + "/exit/sign-off", "{\"decision\": \"APPROVE\"}")
                .getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(postJson(rest, "olivia", "demo", engagement.path() + "/action-items",
                "{\"description\": \"x\", \"owner\": \"peter\", \"dueDate\": \"" + today.plusDays(5) + "\"}").getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
    }

    @AfterAll
    void everyFlowNodeOfTheExitWasVisited() {
        assertThat(FlowNodeCoverage.unvisited(repositoryService, historyService, "engagement-exit", exits)).isEmpty();
    }
}
