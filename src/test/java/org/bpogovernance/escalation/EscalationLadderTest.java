package org.bpogovernance.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bpogovernance.testing.Http.get;
import static org.bpogovernance.testing.Http.postJson;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bpogovernance.testing.Engagements.Registered;
import org.bpogovernance.testing.Engagements;
import org.bpogovernance.testing.FlowNodeCoverage;
import org.bpogovernance.testing.GovernanceTest;
import org.bpogovernance.testing.Json;
import org.bpogovernance.testing.OfficerTeam;
import org.bpogovernance.testing.Tasklist;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The escalation ladder: climbing three levels by timers alone, a resolution at level 2 with an
 * action plan, passing it up by hand and raising it in Tasklist, two people resolving at once,
 * and the input it refuses. Together the tests visit every flow node of the escalation model.
 */
@GovernanceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EscalationLadderTest {

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

    @Autowired
    IdentityService identityService;

    final List<String> instances = new ArrayList<>();

    @Test
    void theOfficersOfAnEscalationAreTheEngagementOfficersTeam() {
        try (OfficerTeam team = OfficerTeam.form(identityService, "officer-team-escalation-test", "olivia")) {
            Registered engagement = engagementWithSponsor();
            String record = raise("clara", engagement, "Tickets are closed without an answer", "LOW");
            Task first = levelTask(processOf(((Number) Json.read(record, "$.escalation.id")).longValue()));

            assertThat(Tasklist.candidates(taskService, first)).as("the team covers, not every officer of the portfolio")
                    .containsExactlyInAnyOrder("user olivia", "group officer-team-escalation-test");
        }
    }

    @Test
    void withoutResponseTheEscalationClimbsThreeLevelsByItself() {
        Registered engagement = engagementWithSponsor();
        String record = raise("clara", engagement, "Invoices pile up in the AP queue", "LOW");
        long id = ((Number) Json.read(record, "$.escalation.id")).longValue();
        assertThat((Integer) Json.read(record, "$.escalation.level")).isEqualTo(1);
        Instant raisedAt = Instant.parse(Json.read(record, "$.escalation.raisedAt"));

        String process = processOf(id);
        Task first = levelTask(process);
        assertThat(first.getName()).isEqualTo("Respond to the escalation (level 1)");
        assertThat((Boolean) Json.read(new Tasklist(rest).open("olivia", first.getId(), "respondToEscalationForm"),
                "$.topLevel.value")).as("below the top, passing it up is offered").isFalse();
        assertThat(Tasklist.candidates(taskService, first)).containsExactlyInAnyOrder("user olivia", "group governance-officers");
        assertThat(Duration.between(raisedAt, first.getDueDate().toInstant())).as("LOW: five days")
                .isBetween(Duration.ofDays(5).minusMinutes(1), Duration.ofDays(5).plusMinutes(1));

        timeRunsOut(process);
        Task second = levelTask(process);
        assertThat(second.getName()).isEqualTo("Respond to the escalation (level 2)");
        assertThat(Tasklist.candidates(taskService, second)).containsExactlyInAnyOrder("user clara", "user peter", "group governance-officers");
        timeRunsOut(process);
        Task third = levelTask(process);
        assertThat(third.getName()).isEqualTo("Respond to the escalation (level 3)");
        assertThat(Tasklist.candidates(taskService, third)).as("this engagement's steering committee, not every sponsor")
                .containsExactlyInAnyOrder("user sam", "group governance-officers");
        timeRunsOut(process);
        assertThat(levelTask(process).getName()).as("the steering committee is asked again")
                .isEqualTo("Respond to the escalation (level 3)");
        assertThat(jdbc.queryForList("select distinct recipient_user_id from notification_outbox where kind = 'task-assigned' "
                + "and dedup_key like ?", String.class, "task-assigned:" + third.getId() + ":%"))
                .as("the new level is told").contains("sam");

        Tasklist tasklist = new Tasklist(rest);
        String samsTask = levelTask(process).getId();
        String form = tasklist.open("sam", samsTask, "respondToEscalationForm");
        assertThat((String) Json.read(form, "$.escalationHistory.value")).contains("Invoices pile up", "TIME_LIMIT_PASSED",
                "MOVED_UP");
        assertThat((Boolean) Json.read(form, "$.topLevel.value")).as("the show-listener at level 3").isTrue();
        assertThat((String) Json.read(form, "$.escalationResponse.value")).isEqualTo("RESOLVE");
        String formJson = get(rest, "sam", "demo", "/engine-rest/task/" + samsTask + "/deployed-form").getBody();
        assertThat((List<String>) Json.read(formJson, "$.components[?(@.key == 'escalationResponse')].conditional.hide"))
                .as("no 'pass it up' at the top").containsExactly("=topLevel = true");
        ResponseEntity<String> upFromTheTop = tasklist.submit("sam", samsTask, """
                {"escalationResponse": {"value": "ESCALATE"}, "escalationNote": {"value": "Let the board decide"}}""");
        assertThat(upFromTheTop.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) Json.read(upFromTheTop.getBody(), "$.message"))
                .contains("Response: cannot pass it up: the steering committee (level 3) is the top of the ladder");
        tasklist.submitted("sam", samsTask, """
                {"escalationResolution": {"value": "CONTRACT_ACTION"},
                 "escalationNote": {"value": "Two more AP clerks funded from the service credits"}}""");

        String resolved = get(rest, "olivia", "demo", engagement.path() + "/escalations/" + id).getBody();
        assertThat((String) Json.read(resolved, "$.escalation.status")).isEqualTo("RESOLVED");
        assertThat((String) Json.read(resolved, "$.escalation.resolvedBy")).isEqualTo("sam");
        assertThat((List<String>) Json.read(resolved, "$.steps[*].event")).containsExactly("RAISED", "OPENED_AT_LEVEL",
                "TIME_LIMIT_PASSED", "MOVED_UP", "OPENED_AT_LEVEL", "TIME_LIMIT_PASSED", "MOVED_UP", "OPENED_AT_LEVEL",
                "TIME_LIMIT_PASSED", "OPENED_AT_LEVEL", "RESOLVED");
        assertThat((List<Integer>) Json.read(resolved, "$.steps[*].level")).containsExactly(1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3);
        assertThat((List<String>) Json.read(resolved, "$.steps[*].actor")).contains("clara", "system", "sam");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(process).count()).isZero();
    }

    @Test
    void resolvedAtLevelTwoWithAnActionPlan() {
        Registered engagement = engagementWithSponsor();
        long id = ((Number) Json.read(raise("olivia", engagement, "Close slipped two months running", "HIGH"),
                "$.escalation.id")).longValue();
        String process = processOf(id);
        Task task = levelTask(process);
        assertThat(task.getName()).as("MANUAL HIGH starts with the managers").isEqualTo("Respond to the escalation (level 2)");

        Tasklist tasklist = new Tasklist(rest);
        tasklist.open("peter", task.getId(), "respondToEscalationForm");
        ResponseEntity<String> noNote = tasklist.submit("peter", task.getId(), """
                {"escalationResponse": {"value": "RESOLVE"}, "escalationResolution": {"value": "RESOLVED"}}""");
        assertThat(noNote.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) Json.read(noNote.getBody(), "$.message")).contains("What was decided, or why it goes up: is required");
        String due = LocalDate.now().plusDays(14).toString();
        ResponseEntity<String> badPlan = tasklist.submit("peter", task.getId(), """
                {"escalationResponse": {"value": "RESOLVE"}, "escalationResolution": {"value": "RESOLVED"},
                 "actionPlan": {"value": "%s | carl | Tell the subsidiaries\\nsoon | clara | Check the cut-off"}}"""
                .formatted(due));
        assertThat((String) Json.read(badPlan.getBody(), "$.message")).as("the note and both bad lines at once")
                .contains("What was decided, or why it goes up: is required", "Action plan line 1: owner: carl is not a stakeholder of the engagement",
                        "Action plan line 2: due date: 'soon' is not a date");
        assertThat(levelTask(process).getId()).as("nothing changed").isEqualTo(task.getId());
        tasklist.submitted("peter", task.getId(), """
                {"escalationResponse": {"value": "RESOLVE"}, "escalationResolution": {"value": "RESOLVED"},
                 "escalationNote": {"value": "Intercompany cut-off moves to working day 3"},
                 "actionPlan": {"value": "%s | clara | Tell the subsidiaries about the new cut-off"}}""".formatted(due));

        String resolved = get(rest, "clara", "demo", engagement.path() + "/escalations/" + id).getBody();
        assertThat((String) Json.read(resolved, "$.escalation.resolution")).isEqualTo("RESOLVED");
        assertThat((Integer) Json.read(resolved, "$.escalation.level")).isEqualTo(2);
        List<Integer> plan = Json.read(resolved, "$.actionItemIds");
        assertThat(plan).hasSize(1);
        String item = get(rest, "clara", "demo", engagement.path() + "/action-items/" + plan.get(0)).getBody();
        assertThat((String) Json.read(item, "$.source")).isEqualTo("ESCALATION");
        assertThat((String) Json.read(item, "$.owner")).isEqualTo("clara");
        assertThat(taskService.createTaskQuery().processDefinitionKey("action-item-follow-up").taskAssignee("clara")
                .processInstanceBusinessKey(engagement.reference()).count()).isOne();
    }

    @Test
    void passedUpByHandRaisedInTasklistAndRefusedOnceResolved() {
        Registered engagement = engagementWithSponsor();
        Tasklist tasklist = new Tasklist(rest);
        String start = "/engine-rest/process-definition/key/escalation/submit-form";
        // Tasklist's "Start process" offers the engagements the person is on, not a reference to type
        String clarasForm = get(rest, "clara", "demo", "/engine-rest/process-definition/key/escalation/deployed-start-form").getBody();
        assertThat((List<String>) Json.read(clarasForm, "$.components[?(@.key == 'contractReference')].type"))
                .containsExactly("select");
        List<String> clarasChoices = Json.read(clarasForm, "$.components[?(@.key == 'contractReference')].values[*].value");
        assertThat(clarasChoices).contains(engagement.reference());
        assertThat((List<String>) Json.read(clarasForm, "$.components[?(@.key == 'contractReference')].values[*].label"))
                .anyMatch(label -> label.endsWith("(" + engagement.reference() + ")") && !label.startsWith("("));
        assertThat(jdbc.queryForList("select e.contract_reference from engagement e where e.phase <> 'CLOSED' and not exists "
                + "(select 1 from stakeholder s where s.engagement_id = e.id and s.user_id = 'clara')", String.class))
                .as("none of the engagements clara is not on").doesNotContainAnyElementsOf(clarasChoices);
        assertThat((List<Boolean>) Json.read(clarasForm, "$.components[?(@.key == 'contractReference')].searchable"))
                .as("a person on many engagements types to find one").containsExactly(true);
        String oliviasForm = get(rest, "olivia", "demo", "/engine-rest/process-definition/key/escalation/deployed-start-form").getBody();
        List<String> oliviasChoices = Json.read(oliviasForm, "$.components[?(@.key == 'contractReference')].values[*].value");
        List<String> oliviasOwn = jdbc.queryForList("select e.contract_reference from engagement e where e.phase <> 'CLOSED' and exists "
                + "(select 1 from stakeholder s where s.engagement_id = e.id and s.user_id = 'olivia') order by e.name, e.id", String.class);
        List<String> closed = jdbc.queryForList("select contract_reference from engagement where phase = 'CLOSED'", String.class);
        assertThat(oliviasChoices).as("an officer's own engagements come first")
                .startsWith(oliviasOwn.subList(0, Math.min(oliviasOwn.size(), 200)).toArray(String[]::new))
                .noneMatch(closed::contains)
                .hasSizeLessThanOrEqualTo(200);
        String carlsForm = get(rest, "carl", "demo", "/engine-rest/process-definition/key/escalation/deployed-start-form").getBody();
        assertThat((List<Object>) Json.read(carlsForm, "$.components[?(@.key == 'contractReference')].values[*]"))
                .as("carl is on no engagement").isEmpty();
        ResponseEntity<String> unknown = postJson(rest, "clara", "demo", start, """
                {"variables": {"contractReference": {"value": "NO-SUCH-CONTRACT"}, "escalationSubject": {"value": "x"},
                 "escalationSeverity": {"value": "MEDIUM"}}}""");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) Json.read(unknown.getBody(), "$.message")).isEqualTo("Engagement: names no engagement you are on: NO-SUCH-CONTRACT");
        ResponseEntity<String> started = postJson(rest, "clara", "demo", start, """
                {"variables": {"contractReference": {"value": "%s"}, "escalationSubject": {"value": "Provider staff turnover"},
                 "escalationSeverity": {"value": "MEDIUM"}}}""".formatted(engagement.reference()));
        assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.OK);
        String process = Json.read(started.getBody(), "$.id");
        instances.add(process);
        long id = jdbc.queryForObject("select id from escalation where process_instance_id = ?", Long.class, process);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(process).singleResult().getBusinessKey())
                .isEqualTo("manual:" + process);

        // Level 1 passes it up at once; then the API: the managers pass it up, the top cannot.
        String first = levelTask(process).getId();
        tasklist.submitted("olivia", first, """
                {"escalationResponse": {"value": "ESCALATE"}, "escalationNote": {"value": "Needs the delivery manager"}}""");
        assertThat(levelTask(process).getName()).isEqualTo("Respond to the escalation (level 2)");
        String path = engagement.path() + "/escalations/" + id;
        ResponseEntity<String> notHisLevel = postJson(rest, "sam", "demo", path + "/resolve",
                "{\"resolution\": \"RESOLVED\", \"note\": \"fine\"}");
        assertThat(notHisLevel.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<String>) Json.read(notHisLevel.getBody(), "$.errors[*].field")).containsExactly("responder");
        assertThat(postJson(rest, "peter", "demo", path + "/escalate", "{\"note\": \"Sponsors must decide\"}").getStatusCode())
                .isEqualTo(HttpStatus.OK);
        ResponseEntity<String> aboveTheTop = postJson(rest, "sam", "demo", path + "/escalate", "{}");
        assertThat(aboveTheTop.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<String>) Json.read(aboveTheTop.getBody(), "$.errors[*].field")).containsExactly("escalationResponse");
        ResponseEntity<String> badResolution = postJson(rest, "sam", "demo", path + "/resolve",
                "{\"resolution\": \"MAYBE\", \"note\": \"hm\"}");
        assertThat((List<String>) Json.read(badResolution.getBody(), "$.errors[*].field")).containsExactly("escalationResolution");
        ResponseEntity<String> resolved = postJson(rest, "sam", "demo", path + "/resolve",
                "{\"resolution\": \"ACCEPTED_RISK\", \"note\": \"Turnover is seasonal; watched at the next call\"}");
        assertThat(resolved.getStatusCode()).as(resolved.getBody()).isEqualTo(HttpStatus.OK);
        assertThat((List<String>) Json.read(resolved.getBody(), "$.steps[*].event")).containsExactly("RAISED",
                "OPENED_AT_LEVEL", "RESPONDED", "MOVED_UP", "OPENED_AT_LEVEL", "RESPONDED", "MOVED_UP", "OPENED_AT_LEVEL",
                "RESOLVED");

        ResponseEntity<String> again = postJson(rest, "olivia", "demo", path + "/escalate", "{}");
        assertThat(again.getStatusCode()).as("escalating a resolved escalation").isEqualTo(HttpStatus.CONFLICT);
        assertThat(postJson(rest, "olivia", "demo", path + "/resolve", "{\"resolution\": \"RESOLVED\", \"note\": \"x\"}")
                .getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void twoPeopleResolvingAtOnceOneWinsTheOtherGets409() throws Exception {
        Registered engagement = engagementWithSponsor();
        long id = ((Number) Json.read(raise("olivia", engagement, "Disputed credit for March", "HIGH"),
                "$.escalation.id")).longValue();
        String path = engagement.path() + "/escalations/" + id + "/resolve";
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<ResponseEntity<String>>> answers = new ArrayList<>();
            for (String user : List.of("clara", "peter")) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return postJson(rest, user, "demo", path, "{\"resolution\": \"RESOLVED\", \"note\": \"Credit waived by "
                            + user + "\"}");
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<ResponseEntity<String>> answer : answers) {
                statuses.add(answer.get().getStatusCode().value());
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("select count(*) from escalation_step where escalation_id = ? and event = 'RESOLVED'",
                Long.class, id)).isOne();
        String record = get(rest, "olivia", "demo", engagement.path() + "/escalations/" + id).getBody();
        assertThat((String) Json.read(record, "$.escalation.resolutionNote"))
                .isEqualTo("Credit waived by " + Json.read(record, "$.escalation.resolvedBy"));
    }

    @Test
    void aRaiseWithoutSubjectOrWithAnUnknownSeverityIsRefused() {
        Registered engagement = engagementWithSponsor();
        long before = jdbc.queryForObject("select count(*) from escalation", Long.class);
        ResponseEntity<String> noSubject = postJson(rest, "clara", "demo", engagement.path() + "/escalations",
                "{\"severity\": \"LOW\"}");
        assertThat((List<String>) Json.read(noSubject.getBody(), "$.errors[*].field")).containsExactly("subject");
        ResponseEntity<String> urgent = postJson(rest, "clara", "demo", engagement.path() + "/escalations",
                "{\"subject\": \"x\", \"severity\": \"URGENT\"}");
        assertThat(urgent.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<String>) Json.read(urgent.getBody(), "$.errors[*].field")).containsExactly("severity");
        assertThat(postJson(rest, "carl", "demo", engagement.path() + "/escalations",
                "{\"subject\": \"x\", \"severity\": \"LOW\"}").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get(rest, "olivia", "demo", engagement.path() + "/escalations/987654321").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(jdbc.queryForObject("select count(*) from escalation", Long.class)).isEqualTo(before);
    }

    @AfterAll
    void everyFlowNodeOfTheEscalationWasVisited() {
        assertThat(FlowNodeCoverage.unvisited(repositoryService, historyService, "escalation", instances)).isEmpty();
    }

    private Registered engagementWithSponsor() {
        Registered engagement = Engagements.register(rest, LocalDate.now().minusMonths(2), LocalDate.now().plusYears(2));
        Engagements.addSponsor(rest, engagement);
        return engagement;
    }

    private String raise(String user, Registered engagement, String subject, String severity) {
        ResponseEntity<String> raised = postJson(rest, user, "demo", engagement.path() + "/escalations",
                "{\"subject\": \"" + subject + "\", \"severity\": \"" + severity + "\"}");
        assertThat(raised.getStatusCode()).as(raised.getBody()).isEqualTo(HttpStatus.CREATED);
        return raised.getBody();
    }

    private String processOf(long escalationId) {
        String process = jdbc.queryForObject("select process_instance_id from escalation where id = ?", String.class,
                escalationId);
        instances.add(process);
        return process;
    }

    private Task levelTask(String process) {
        return taskService.createTaskQuery().processInstanceId(process).taskDefinitionKey("userTask_respondToEscalation")
                .singleResult();
    }

    private void timeRunsOut(String process) {
        managementService.executeJob(managementService.createJobQuery().processInstanceId(process)
                .activityId("timer_responseTimeOver").singleResult().getId());
    }
}
