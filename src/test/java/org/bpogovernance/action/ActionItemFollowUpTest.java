package org.bpogovernance.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.bpogovernance.testing.Http.get;
import static org.bpogovernance.testing.Http.postJson;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.bpogovernance.testing.Engagements.Registered;
import org.bpogovernance.testing.Engagements;
import org.bpogovernance.testing.FlowNodeCoverage;
import org.bpogovernance.testing.GovernanceTest;
import org.bpogovernance.testing.Json;
import org.bpogovernance.testing.Mail;
import org.bpogovernance.testing.Tasklist;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An action item followed up to closure: a new due date refused, then approved; done through
 * Tasklist or the engine's REST API; overdue, with the owner's escalation contact told by mail
 * and an escalation after the grace period; cancelled; and the input refused on the way. Together
 * the tests visit every flow node of action-item-follow-up.
 */
@GovernanceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActionItemFollowUpTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

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
    HistoryService historyService;

    @Autowired
    JdbcTemplate jdbc;

    final List<String> instances = new ArrayList<>();

    @Test
    void aNewDueDateIsRefusedThenApprovedAndTheItemIsDone() {
        Registered engagement = Engagements.register(rest, LocalDate.now().minusMonths(1), LocalDate.now().plusYears(2));
        LocalDate due = today().plusDays(10);
        String item = create(engagement, "Publish the revised escalation matrix", "peter", due);
        long id = idOf(item);
        Tasklist tasklist = new Tasklist(rest);

        String task = tasklist.taskOf("peter", engagement.reference(), "Complete the action item");
        String form = tasklist.open("peter", task, "completeActionItemForm");
        assertThat((String) Json.read(form, "$.actionItemDescription.value"))
                .isEqualTo("Publish the revised escalation matrix (due " + due + ")");
        assertThat(taskService.createTaskQuery().taskId(task).singleResult().getDueDate().toInstant())
                .isEqualTo(due.atTime(17, 0).atZone(BERLIN).toInstant());

        // The owner's request: each missing or wrong field is named, and nothing moves.
        ResponseEntity<String> noReason = tasklist.submit("peter", task, """
                {"actionItemOutcome": {"value": "EXTEND"}, "newDueDate": {"value": "%s"}}""".formatted(due.plusDays(7)));
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) Json.read(noReason.getBody(), "$.message")).contains("Why the new date: is required");
        ResponseEntity<String> past = tasklist.submit("peter", task, """
                {"actionItemOutcome": {"value": "EXTEND"}, "newDueDate": {"value": "%s"}, "extensionReason": {"value": "x"}}"""
                .formatted(today().minusDays(1)));
        assertThat((String) Json.read(past.getBody(), "$.message")).contains("New due date: must be in the future");
        ResponseEntity<String> noOutcome = tasklist.submit("peter", task, "{}");
        assertThat((String) Json.read(noOutcome.getBody(), "$.message")).contains("Outcome: must be DONE or EXTEND");
        assertThat(taskService.createTaskQuery().taskId(task).count()).as("the task stays open").isOne();
        assertThat(jdbc.queryForObject("select count(*) from action_item_due_date_change where action_item_id = ?",
                Long.class, id)).isZero();

        tasklist.submitted("peter", task, """
                {"actionItemOutcome": {"value": "EXTEND"}, "newDueDate": {"value": "%s"},
                 "extensionReason": {"value": "The matrix waits for the new org chart"}}""".formatted(due.plusDays(14)));
        String decide = tasklist.taskOf("olivia", engagement.reference(), "Decide on the new due date");
        assertThat((String) Json.read(tasklist.open("olivia", decide, "decideExtensionForm"), "$.extensionRequest.value"))
                .contains("Publish the revised escalation matrix", "Owner: peter", "Due: " + due,
                        "asked for: " + due.plusDays(14), "Reason: The matrix waits for the new org chart");
        ResponseEntity<String> refusalWithoutWhy = tasklist.submit("olivia", decide, """
                {"extensionDecision": {"value": "REJECT"}}""");
        assertThat((String) Json.read(refusalWithoutWhy.getBody(), "$.message")).contains("Note: is required when refusing");
        tasklist.submitted("olivia", decide, """
                {"extensionDecision": {"value": "REJECT"}, "extensionNote": {"value": "Use the draft org chart"}}""");
        String view = get(rest, "peter", "demo", engagement.path() + "/action-items/" + id).getBody();
        assertThat((String) Json.read(view, "$.dueDate")).as("the date stands").isEqualTo(due.toString());
        assertThat((List<String>) Json.read(view, "$.dueDateChanges[*].decision")).containsExactly("REJECTED");

        // Asked again, approved: the item and the owner's task carry the new date.
        task = tasklist.taskOf("peter", engagement.reference(), "Complete the action item");
        tasklist.submitted("peter", task, """
                {"actionItemOutcome": {"value": "EXTEND"}, "newDueDate": {"value": "%s"},
                 "extensionReason": {"value": "Works council review adds a week"}}""".formatted(due.plusDays(7)));
        decide = tasklist.taskOf("olivia", engagement.reference(), "Decide on the new due date");
        tasklist.submitted("olivia", decide, "{\"extensionDecision\": {\"value\": \"APPROVE\"}}");
        view = get(rest, "peter", "demo", engagement.path() + "/action-items/" + id).getBody();
        assertThat((String) Json.read(view, "$.dueDate")).isEqualTo(due.plusDays(7).toString());
        assertThat((List<String>) Json.read(view, "$.dueDateChanges[*].decision")).containsExactly("REJECTED", "APPROVED");
        assertThat((List<String>) Json.read(view, "$.dueDateChanges[*].decidedBy")).containsExactly("olivia", "olivia");
        Task again = taskService.createTaskQuery().processInstanceBusinessKey(engagement.reference())
                .taskAssignee("peter").taskName("Complete the action item").singleResult();
        assertThat(again.getDueDate().toInstant()).isEqualTo(due.plusDays(7).atTime(17, 0).atZone(BERLIN).toInstant());

        ResponseEntity<String> doneWithoutNote = tasklist.submit("peter", again.getId(), "{\"actionItemOutcome\": {\"value\": \"DONE\"}}");
        assertThat((String) Json.read(doneWithoutNote.getBody(), "$.message")).contains("What was done: is required");
        tasklist.submitted("peter", again.getId(), """
                {"actionItemOutcome": {"value": "DONE"}, "completionNote": {"value": "Matrix published on the intranet"}}""");
        view = get(rest, "peter", "demo", engagement.path() + "/action-items/" + id).getBody();
        assertThat((String) Json.read(view, "$.status")).isEqualTo("DONE");
        assertThat((String) Json.read(view, "$.completionNote")).isEqualTo("Matrix published on the intranet");
        String process = processOf(id);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(process).count()).isZero();
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(process)
                .variableNameIn("completionNote", "newDueDate", "extensionReason", "actionItemOutcome").list())
                .as("form fields stay with their tasks").allSatisfy(v -> assertThat(v.getTaskId()).isNotNull());

        ResponseEntity<String> twice = tasklist.submit("peter", again.getId(), """
                {"actionItemOutcome": {"value": "DONE"}, "completionNote": {"value": "again"}}""");
        assertThat(twice.getStatusCode().is4xxClientError()).as("completing a completed task").isTrue();
    }

    @Test
    void theEnginesTaskCompleteTakesTheSubmittedValues() {
        Registered engagement = Engagements.register(rest, LocalDate.now().minusMonths(1), LocalDate.now().plusYears(2));
        long id = idOf(create(engagement, "Rename the shared mailbox", "clara", today().plusDays(5)));
        Tasklist tasklist = new Tasklist(rest);
        String task = tasklist.taskOf("clara", engagement.reference(), "Complete the action item");
        ResponseEntity<String> completed = postJson(rest, "clara", "demo", "/engine-rest/task/" + task + "/complete", """
                {"variables": {"actionItemOutcome": {"value": "DONE"}, "completionNote": {"value": "Renamed to ap-litware"}}}""");
        assertThat(completed.getStatusCode()).as(completed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        String view = get(rest, "clara", "demo", engagement.path() + "/action-items/" + id).getBody();
        assertThat((String) Json.read(view, "$.status")).isEqualTo("DONE");
        assertThat((String) Json.read(view, "$.completionNote")).isEqualTo("Renamed to ap-litware");
        processOf(id);
    }

    @Test
    void overdueTheContactIsToldAndAfterTheGracePeriodItIsEscalated() throws Exception {
        Registered engagement = Engagements.register(rest, LocalDate.now().minusMonths(1), LocalDate.now().plusYears(2));
        Engagements.addSponsor(rest, engagement);
        long id = idOf(create(engagement, "Fix the duplicate vendor records", "clara", today().plusDays(3)));
        String process = processOf(id);
        assertThat(Duration.parse((String) runtimeService.getVariable(process, "overdueGracePeriod")))
                .as("the configured grace period").isEqualTo(Duration.ofDays(3));

        // Time passes: the due date is behind us and the engine's timer fires.
        jdbc.update("update action_item set due_date = ? where id = ?", today().minusDays(1), id);
        fire(process, "timer_dueDatePassed");
        assertThat(taskService.createTaskQuery().processInstanceId(process).taskAssignee("clara").count())
                .as("the owner keeps the task").isOne();
        String name = "Litware claims " + engagement.reference();
        await().atMost(Duration.ofSeconds(30)).until(() -> Mail.to(smtp.getReceivedMessages(), "sam@demo.bpo-governance.example")
                .stream().map(Mail::subject).anyMatch(s -> s.contains("Action item overdue: clara") && s.contains(name)));
        String overdue = get(rest, "olivia", "demo", engagement.path() + "/action-items?overdue=true").getBody();
        assertThat((List<Integer>) Json.read(overdue, "$[*].id")).containsExactly((int) id);

        fire(process, "timer_gracePeriodOver");
        String escalations = get(rest, "olivia", "demo", engagement.path() + "/escalations").getBody();
        assertThat((List<String>) Json.read(escalations, "$[*].trigger")).containsExactly("OVERDUE_ACTION");
        assertThat((List<String>) Json.read(escalations, "$[*].subject")).singleElement().asString()
                .contains("Fix the duplicate vendor records", "clara");
        assertThat(taskService.createTaskQuery().processInstanceId(process).count())
                .as("the owner can still finish").isOne();

        // Done late: the follow-up ends; the escalation is the ladder's to resolve.
        String task = new Tasklist(rest).taskOf("clara", engagement.reference(), "Complete the action item");
        new Tasklist(rest).submitted("clara", task, """
                {"actionItemOutcome": {"value": "DONE"}, "completionNote": {"value": "Merged 41 duplicates"}}""");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(process).count()).isZero();
    }

    @Test
    void aDueDateMovedBeforeTheGracePeriodEndsIsNotEscalated() {
        Registered engagement = Engagements.register(rest, LocalDate.now().minusMonths(1), LocalDate.now().plusYears(2));
        long id = idOf(create(engagement, "Train the second shift", "peter", today().plusDays(2)));
        String process = processOf(id);
        jdbc.update("update action_item set due_date = ? where id = ?", today().minusDays(1), id);
        fire(process, "timer_dueDatePassed");
        Tasklist tasklist = new Tasklist(rest);
        String task = tasklist.taskOf("peter", engagement.reference(), "Complete the action item");
        tasklist.submitted("peter", task, """
                {"actionItemOutcome": {"value": "EXTEND"}, "newDueDate": {"value": "%s"},
                 "extensionReason": {"value": "Trainer off sick"}}""".formatted(today().plusDays(10)));
        tasklist.submitted("olivia", tasklist.taskOf("olivia", engagement.reference(), "Decide on the new due date"),
                "{\"extensionDecision\": {\"value\": \"APPROVE\"}}");

        fire(process, "timer_gracePeriodOver");
        assertThat((List<?>) Json.read(get(rest, "olivia", "demo", engagement.path() + "/escalations").getBody(), "$"))
                .as("no longer overdue").isEmpty();
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(process)
                .activityId("endEvent_overdueHandled").count()).isOne();
        assertThat(taskService.createTaskQuery().processInstanceId(process).taskAssignee("peter").count()).isOne();
    }

    @Test
    void anOfficerCancelsAnItemAndItsFollowUpEnds() {
        Registered engagement = Engagements.register(rest, LocalDate.now().minusMonths(1), LocalDate.now().plusYears(2));
        long id = idOf(create(engagement, "Move the daily stand-up", "peter", today().plusDays(5)));
        String process = processOf(id);
        String path = engagement.path() + "/action-items/" + id + "/cancel";
        assertThat(postJson(rest, "peter", "demo", path, "{\"reason\": \"mine\"}").getStatusCode())
                .as("only officers cancel").isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> noReason = postJson(rest, "olivia", "demo", path, "{}");
        assertThat((List<String>) Json.read(noReason.getBody(), "$.errors[*].field")).containsExactly("reason");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(process).count()).isOne();

        ResponseEntity<String> cancelled = postJson(rest, "olivia", "demo", path, "{\"reason\": \"Stand-up dropped\"}");
        assertThat(cancelled.getStatusCode()).as(cancelled.getBody()).isEqualTo(HttpStatus.OK);
        assertThat((String) Json.read(cancelled.getBody(), "$.status")).isEqualTo("CANCELLED");
        assertThat((String) Json.read(cancelled.getBody(), "$.cancelReason")).isEqualTo("Stand-up dropped");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(process).count()).isZero();
        assertThat(postJson(rest, "olivia", "demo", path, "{\"reason\": \"again\"}").getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(postJson(rest, "olivia", "demo", engagement.path() + "/action-items/987654321/cancel",
                "{\"reason\": \"x\"}").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void anItemAddedByHandIsRefusedWithTheFieldNamed() {
        Registered engagement = Engagements.register(rest, LocalDate.now().minusMonths(1), LocalDate.now().plusYears(2));
        String path = engagement.path() + "/action-items";
        long before = jdbc.queryForObject("select count(*) from action_item", Long.class);
        record Case(String body, String field) {
        }
        for (Case refused : List.of(
                new Case("{\"owner\": \"peter\", \"dueDate\": \"%s\"}".formatted(today().plusDays(3)), "description"),
                new Case("{\"description\": \"x\", \"owner\": \"carl\", \"dueDate\": \"%s\"}".formatted(today().plusDays(3)), "owner"),
                new Case("{\"description\": \"x\", \"dueDate\": \"%s\"}".formatted(today().plusDays(3)), "owner"),
                new Case("{\"description\": \"x\", \"owner\": \"peter\", \"dueDate\": \"%s\"}".formatted(today()), "dueDate"),
                new Case("{\"description\": \"x\", \"owner\": \"peter\"}", "dueDate"),
                new Case("{\"description\": \"x\", \"owner\": \"peter\", \"dueDate\": \"next week\"}", "dueDate"),
                new Case("{\"description\": \"%s\", \"owner\": \"peter\", \"dueDate\": \"%s\"}"
                        .formatted("x".repeat(1001), today().plusDays(3)), "description"))) {
            ResponseEntity<String> answer = postJson(rest, "olivia", "demo", path, refused.body());
            assertThat(answer.getStatusCode()).as(refused.body()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(answer.getBody()).as(refused.body()).contains("\"" + refused.field() + "\"");
        }
        ResponseEntity<String> malformed = postJson(rest, "olivia", "demo", path, "{\"description\": ");
        assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(postJson(rest, "clara", "demo", path, "{\"description\": \"x\", \"owner\": \"clara\", \"dueDate\": \"%s\"}"
                .formatted(today().plusDays(3))).getStatusCode()).as("officers only").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(postJson(rest, "olivia", "demo", "/api/engagements/987654321/action-items",
                "{\"description\": \"x\", \"owner\": \"peter\", \"dueDate\": \"%s\"}".formatted(today().plusDays(3)))
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(jdbc.queryForObject("select count(*) from action_item", Long.class)).isEqualTo(before);
    }

    @AfterAll
    void everyFlowNodeOfTheFollowUpWasVisited() {
        assertThat(FlowNodeCoverage.unvisited(repositoryService, historyService, "action-item-follow-up", instances)).isEmpty();
    }

    private String create(Registered engagement, String description, String owner, LocalDate due) {
        ResponseEntity<String> created = postJson(rest, "olivia", "demo", engagement.path() + "/action-items",
                "{\"description\": \"%s\", \"owner\": \"%s\", \"dueDate\": \"%s\"}".formatted(description, owner, due));
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat((String) Json.read(created.getBody(), "$.source")).isEqualTo("MANUAL");
        assertThat((String) Json.read(created.getBody(), "$.status")).isEqualTo("OPEN");
        return created.getBody();
    }

    private static long idOf(String item) {
        return ((Number) Json.read(item, "$.id")).longValue();
    }

    private String processOf(long actionItemId) {
        String process = jdbc.queryForObject("select process_instance_id from action_item where id = ?", String.class,
                actionItemId);
        instances.add(process);
        return process;
    }

    private void fire(String process, String timer) {
        managementService.executeJob(managementService.createJobQuery().processInstanceId(process).activityId(timer)
                .singleResult().getId());
    }

    private static LocalDate today() {
        return LocalDate.now(BERLIN);
    }
}
