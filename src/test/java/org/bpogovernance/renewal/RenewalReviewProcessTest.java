package org.bpogovernance.renewal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bpogovernance.testing.Http.get;
import static org.bpogovernance.testing.Http.postJson;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bpogovernance.testing.Engagements.Registered;
import org.bpogovernance.testing.Engagements;
import org.bpogovernance.testing.FlowNodeCoverage;
import org.bpogovernance.testing.GovernanceTest;
import org.bpogovernance.testing.Json;
import org.bpogovernance.testing.Pdf;
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
 * renewal-review, path by path: alerts at every lead time and an escalation on the notice date,
 * then a renewal with a metric change; a renegotiation refused once and signed; an exit against
 * the recommendation. Together the tests visit every flow node of renewal-review.
 */
@GovernanceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RenewalReviewProcessTest {

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

    final List<String> reviews = new ArrayList<>();

    @BeforeEach
    void bindAssertions() {
        AbstractAssertions.init(processEngine);
    }

    @Test
    void alertedAtEveryLeadTimeEscalatedOnTheNoticeDateThenRenewedWithAMetricChange() {
        // Notice date in 100 days: the 120-day alert is due at once, then 90, 60 and 30 days before.
        LocalDate today = LocalDate.now(BERLIN);
        Registered engagement = operational(today.minusMonths(6), today.plusDays(190));
        LocalDate noticeDate = today.plusDays(100);
        ProcessInstance review = windowOpens(engagement);
        assertThat(review).isWaitingAt("userTask_decideRenewal", "timer_nextAlertDue");

        Task decide = Renewals.task(taskService, engagement.reference(), "userTask_decideRenewal");
        assertThat(Tasklist.candidates(taskService, decide)).containsExactlyInAnyOrder("user sam", "user olivia", "group governance-officers");
        assertThat(decide.getDueDate()).isEqualTo(at(noticeDate));
        assertThat(alerts(engagement)).containsExactlyInAnyOrder("120:olivia", "120:sam");

        for (int lead : List.of(90, 60, 30)) {
            var timer = managementService.createJobQuery().processInstanceId(review.getId()).activityId("timer_nextAlertDue")
                    .singleResult();
            assertThat(timer.getDuedate()).as("the " + lead + "-day alert").isEqualTo(at(noticeDate.minusDays(lead)));
            managementService.executeJob(timer.getId());
        }
        assertThat(alerts(engagement)).containsExactlyInAnyOrder("120:olivia", "120:sam", "90:olivia", "90:sam",
                "60:olivia", "60:sam", "30:olivia", "30:sam");
        assertThat(review).hasPassed("endEvent_alertsSent").isWaitingAt("userTask_decideRenewal");

        // The notice date comes undecided: a CRITICAL escalation at the steering committee.
        managementService.executeJob(managementService.createJobQuery().processInstanceId(review.getId())
                .activityId("timer_noticeDateReached").singleResult().getId());
        String escalations = get(rest, "olivia", "demo", engagement.path() + "/escalations").getBody();
        assertThat((List<String>) Json.read(escalations, "$[*].trigger")).containsExactly("RENEWAL_UNDECIDED");
        assertThat((List<Integer>) Json.read(escalations, "$[*].level")).containsExactly(3);
        assertThat(review).hasPassed("endEvent_undecidedEscalated").isWaitingAt("userTask_decideRenewal");

        // The sponsor decides through the API; each bad field is named and nothing changes.
        long id = renewalId(engagement);
        String decision = engagement.path() + "/renewals/" + id + "/decision";
        LocalDate termEnd = today.plusDays(190);
        refused("sam", decision, "{\"renewalDecision\": \"RENEW\", \"newTermStart\": \"" + termEnd + "\", \"newTermEnd\": \""
                + termEnd.plusYears(1) + "\", \"newNoticePeriodDays\": 60}", "renewalRationale", "newTermStart");
        refused("sam", decision, "{\"renewalDecision\": \"RENEW\", \"renewalRationale\": \"x\", \"newTermStart\": \"" + termEnd.plusDays(1)
                + "\", \"newTermEnd\": \"" + termEnd.plusYears(1) + "\", \"newNoticePeriodDays\": 60, "
                + "\"metricChanges\": \"CSAT | 1 | 2 | 3\\nFTR | 95 | 97 | 99\\nAHT | fast | 1 | 2\"}", "metricChanges line 1",
                "metricChanges line 2", "metricChanges line 3");
        refused("sam", decision, "{\"renewalDecision\": \"MAYBE\", \"renewalRationale\": \"x\"}", "renewalDecision");
        refused("clara", decision, "{\"renewalDecision\": \"EXIT\", \"renewalRationale\": \"x\"}", "decidedBy");
        assertThat(postJson(rest, "carl", "demo", decision, "{\"renewalDecision\": \"EXIT\", \"renewalRationale\": \"x\"}").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(review).isWaitingAt("userTask_decideRenewal");

        ResponseEntity<String> renewed = postJson(rest, "sam", "demo", decision, """
                {"renewalDecision": "RENEW", "renewalRationale": "Stable service; tighter FTR target", "newTermStart": "%s",
                 "newTermEnd": "%s", "newNoticePeriodDays": 60, "metricChanges": "FTR | 99 | 97 | 95"}"""
                .formatted(termEnd.plusDays(1), termEnd.plusYears(1)));
        assertThat(renewed.getStatusCode()).as(renewed.getBody()).isEqualTo(HttpStatus.OK);
        assertThat((String) Json.read(renewed.getBody(), "$.review.status")).isEqualTo("RENEWED");
        assertThat((String) Json.read(renewed.getBody(), "$.review.decidedBy")).isEqualTo("sam");
        assertThat(review).hasPassed("serviceTask_startNewTerm", "endEvent_renewed").isEnded();
        String settled = get(rest, "olivia", "demo", engagement.path() + "/escalations").getBody();
        assertThat((List<String>) Json.read(settled, "$[*].status")).as("the decision settles its escalation")
                .containsExactly("RESOLVED");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("escalation")
                .variableValueEquals("engagementId", engagement.id()).count()).isZero();

        String terms = get(rest, "clara", "demo", engagement.path() + "/terms").getBody();
        assertThat((List<Integer>) Json.read(terms, "$[*].number")).containsExactly(1, 2);
        assertThat((String) Json.read(terms, "$[1].startsOn")).isEqualTo(termEnd.plusDays(1).toString());
        assertThat((Integer) Json.read(terms, "$[1].noticePeriodDays")).isEqualTo(60);
        String metrics = get(rest, "olivia", "demo", engagement.path() + "/metrics?period="
                + java.time.YearMonth.from(termEnd.plusDays(1))).getBody();
        assertThat((List<Double>) Json.read(metrics, "$[?(@.code == 'FTR')].definition.target")).containsExactly(99.0);
        assertThat((List<Double>) Json.read(metrics, "$[?(@.code == 'AHT')].definition.target")).containsExactly(300.0);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("operational-governance")
                .processInstanceBusinessKey(engagement.reference()).count()).as("back to operations").isOne();

        // Everyone on the engagement hears the decision, the term's summary attached as a PDF kept in the outbox.
        List<Map<String, Object>> told = jdbc.queryForList("select recipient_user_id, subject, attachment_name, attachment"
                + " from notification_outbox where kind = 'term-summary' and engagement_id = ? order by recipient_user_id",
                engagement.id());
        assertThat(told).extracting(mail -> mail.get("recipient_user_id")).containsExactly("clara", "olivia", "peter", "sam");
        assertThat(told).extracting(mail -> mail.get("subject")).containsOnly(
                "[BPO governance] Renewal decided for Litware claims " + engagement.reference() + ": Renew");
        assertThat(told).extracting(mail -> mail.get("attachment_name")).containsOnly(
                "term-summary-" + engagement.id() + "-1.pdf");
        assertThat(Pdf.text((byte[]) told.get(0).get("attachment"))).contains("Term summary — term 1",
                "Renew — decided by Sam Sponsor", "Stable service; tighter FTR target");
    }

    @Test
    void aTermThatEndsUndecidedLapsesAndTheEngagementClosesWithEverythingOfIt() {
        LocalDate today = LocalDate.now(BERLIN);
        LocalDate termEnd = today.plusDays(150);
        Registered engagement = operational(today.minusMonths(3), termEnd);
        ProcessInstance review = windowOpens(engagement);
        managementService.executeJob(managementService.createJobQuery().processInstanceId(review.getId())
                .activityId("timer_noticeDateReached").singleResult().getId());
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("escalation")
                .variableValueEquals("engagementId", engagement.id()).count()).as("the undecided renewal escalated").isOne();

        var termEnded = managementService.createJobQuery().processInstanceId(review.getId()).activityId("timer_termEnded")
                .singleResult();
        assertThat(termEnded.getDuedate().toInstant()).isEqualTo(termEnd.plusDays(1).atStartOfDay(BERLIN).toInstant());
        managementService.executeJob(termEnded.getId());

        assertThat(review).hasPassed("serviceTask_recordLapse", "endEvent_termLapsed").isEnded();
        assertThat((String) Json.read(get(rest, "olivia", "demo", engagement.path()).getBody(), "$.phase")).isEqualTo("CLOSED");
        assertThat((String) Json.read(get(rest, "olivia", "demo", engagement.path() + "/renewals/" + renewalId(engagement))
                .getBody(), "$.review.status")).isEqualTo("LAPSED");
        assertThat(runtimeService.createProcessInstanceQuery().variableValueEquals("engagementId", engagement.id()).count())
                .as("nothing runs for a closed engagement").isZero();
        assertThat(jdbc.queryForList("select resolution from escalation where engagement_id = ?", String.class, engagement.id()))
                .containsExactly("WITHDRAWN");
    }

    @Test
    void aRenegotiationRefusedOnceIsAmendedSignedByBothAndRenewed() {
        LocalDate today = LocalDate.now(BERLIN);
        LocalDate termEnd = today.plusDays(150);
        Registered engagement = operational(today.minusMonths(3), termEnd);
        ProcessInstance review = windowOpens(engagement);
        Tasklist tasklist = new Tasklist(rest);

        String decide = Renewals.task(taskService, engagement.reference(), "userTask_decideRenewal").getId();
        String form = tasklist.open("sam", decide, "decideRenewalForm");
        assertThat((String) Json.read(form, "$.termSummary.value")).contains("term 1", "Service levels", "Escalations",
                "Action items", "Review calls");
        assertThat((String) Json.read(form, "$.recommendationText.value")).startsWith("Recommended: ");
        assertThat((String) Json.read(form, "$.newTermStart.value")).isEqualTo(termEnd.plusDays(1).toString());
        tasklist.submitted("sam", decide, """
                {"renewalDecision": {"value": "RENEGOTIATE"}, "renewalRationale": {"value": "Credits too high; renegotiate the cap"}}""");
        assertThat(review).isWaitingAt("userTask_amendTerms");

        String amend = tasklist.taskOf("olivia", engagement.reference(), "Agree the amended terms");
        ResponseEntity<String> overlapping = tasklist.submit("olivia", amend, """
                {"newTermStart": {"value": "%s"}, "newTermEnd": {"value": "%s"}, "newNoticePeriodDays": {"value": 90, "type": "Integer"}}"""
                .formatted(termEnd.minusDays(10), termEnd.plusYears(2)));
        assertThat((String) Json.read(overlapping.getBody(), "$.message")).contains("Next term starts: overlaps the current term",
                "What changes in the contract: is required");
        String amendment = """
                {"newTermStart": {"value": "%s"}, "newTermEnd": {"value": "%s"}, "newNoticePeriodDays": {"value": 90, "type": "Integer"},
                 "amendment": {"value": "Service credits capped at 5%% of the monthly fee"}}""".formatted(termEnd.plusDays(1),
                termEnd.plusYears(2));
        tasklist.submitted("olivia", amend, amendment);

        String clara = tasklist.taskOf("clara", engagement.reference(), "Sign the amendment");
        assertThat((String) Json.read(tasklist.open("clara", clara, "signAmendmentForm"), "$.amendmentText.value"))
                .contains("Service credits capped at 5%", "Decided: RENEGOTIATE by sam");
        ResponseEntity<String> noReason = tasklist.submit("clara", clara, "{\"signOffDecision\": {\"value\": \"REJECT\"}}");
        assertThat((String) Json.read(noReason.getBody(), "$.message")).contains("What must change: is required when refusing");
        tasklist.submitted("clara", clara, """
                {"signOffDecision": {"value": "REJECT"}, "signOffReason": {"value": "Cap at 4%, not 5%"}}""");
        tasklist.submitted("peter", tasklist.taskOf("peter", engagement.reference(), "Sign the amendment"),
                "{\"signOffDecision\": {\"value\": \"APPROVE\"}}");
        assertThat(review).hasPassed("serviceTask_checkAmendmentSignOff").isWaitingAt("userTask_amendTerms");

        amend = tasklist.taskOf("olivia", engagement.reference(), "Agree the amended terms");
        String again = tasklist.open("olivia", amend, "amendTermsForm");
        assertThat((String) Json.read(again, "$.rejections.value")).isEqualTo("CLIENT (clara): Cap at 4%, not 5%");
        assertThat((String) Json.read(again, "$.amendment.value")).isEqualTo("Service credits capped at 5% of the monthly fee");
        tasklist.submitted("olivia", amend, amendment.replace("5%", "4%"));
        for (String signer : List.of("clara", "peter")) {
            tasklist.submitted(signer, tasklist.taskOf(signer, engagement.reference(), "Sign the amendment"),
                    "{\"signOffDecision\": {\"value\": \"APPROVE\"}}");
        }
        assertThat(review).hasPassed("endEvent_renewed").isEnded();

        String record = get(rest, "olivia", "demo", engagement.path() + "/renewals/" + renewalId(engagement)).getBody();
        assertThat((String) Json.read(record, "$.review.decision")).isEqualTo("RENEGOTIATE");
        assertThat((String) Json.read(record, "$.review.status")).isEqualTo("RENEWED");
        assertThat((String) Json.read(record, "$.review.amendment")).isEqualTo("Service credits capped at 4% of the monthly fee");
        assertThat((List<String>) Json.read(record, "$.amendmentSignOffs[*].decision"))
                .containsExactly("REJECT", "APPROVE", "APPROVE", "APPROVE");
        assertThat(jdbc.queryForObject("select term_number from engagement where id = ?", Integer.class, engagement.id()))
                .isEqualTo(2);
    }

    @Test
    void anExitAgainstTheRecommendationNeedsItsRationaleAndStartsTheExit() {
        LocalDate today = LocalDate.now(BERLIN);
        Registered engagement = operational(today.minusMonths(3), today.plusDays(150));
        ProcessInstance review = windowOpens(engagement);
        long id = renewalId(engagement);
        String recommended = Json.read(get(rest, "olivia", "demo", engagement.path() + "/renewals/" + id).getBody(),
                "$.review.recommendation");
        assertThat(recommended).as("nothing measured, nothing escalated: no reason not to renew").isEqualTo("RENEW");

        ResponseEntity<String> exit = postJson(rest, "olivia", "demo", engagement.path() + "/renewals/" + id + "/decision",
                "{\"renewalDecision\": \"EXIT\", \"renewalRationale\": \"The service moves in-house next year\"}");
        assertThat(exit.getStatusCode()).as(exit.getBody()).isEqualTo(HttpStatus.OK);
        assertThat((Boolean) Json.read(exit.getBody(), "$.review.followsRecommendation")).isFalse();
        assertThat(review).hasPassed("endEvent_exitDecided").isEnded();
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("engagement-exit")
                .processInstanceBusinessKey(engagement.reference()).count()).isOne();
        assertThat(postJson(rest, "olivia", "demo", engagement.path() + "/renewals/" + id + "/decision",
                "{\"renewalDecision\": \"RENEW\", \"renewalRationale\": \"changed our mind\"}").getStatusCode())
                .as("decided already").isEqualTo(HttpStatus.CONFLICT);
    }

    @AfterAll
    void everyFlowNodeOfTheRenewalReviewWasVisited() {
        assertThat(FlowNodeCoverage.unvisited(repositoryService, historyService, "renewal-review", reviews)).isEmpty();
    }

    /** An onboarded engagement with sam as sponsor, FTR and AHT measured from its start. */
    private Registered operational(LocalDate termStart, LocalDate termEnd) {
        Registered engagement = Engagements.register(rest, termStart, termEnd);
        Engagements.addSponsor(rest, engagement);
        Engagements.defineMetrics(rest, engagement, java.time.YearMonth.from(termStart).toString());
        Engagements.onboard(taskService, engagement);
        return engagement;
    }

    private ProcessInstance windowOpens(Registered engagement) {
        Renewals.windowOpens(runtimeService, managementService, engagement.reference());
        ProcessInstance review = Renewals.review(runtimeService, engagement.reference());
        reviews.add(review.getId());
        return review;
    }

    private long renewalId(Registered engagement) {
        return jdbc.queryForObject("select id from renewal_review where engagement_id = ?", Long.class, engagement.id());
    }

    private List<String> alerts(Registered engagement) {
        return jdbc.queryForList("select dedup_key from notification_outbox where kind = 'renewal-alert' and engagement_id = ?",
                String.class, engagement.id()).stream()
                .map(key -> key.substring(key.indexOf(':', key.indexOf(':') + 1) + 1)).toList();
    }

    private void refused(String user, String path, String body, String... fields) {
        ResponseEntity<String> answer = postJson(rest, user, "demo", path, body);
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<String>) Json.read(answer.getBody(), "$.errors[*].field")).contains(fields);
    }

    private static Date at(LocalDate day) {
        return Date.from(day.atTime(LocalTime.of(9, 0)).atZone(BERLIN).toInstant());
    }
}
