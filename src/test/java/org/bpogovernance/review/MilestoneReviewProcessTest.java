package org.bpogovernance.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bpogovernance.testing.Http.download;
import static org.bpogovernance.testing.Http.exchange;
import static org.bpogovernance.testing.Http.get;
import static org.bpogovernance.testing.Http.postJson;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import org.bpogovernance.platform.PeopleDates;
import org.bpogovernance.testing.Engagements;
import org.bpogovernance.testing.FlowNodeCoverage;
import org.bpogovernance.testing.GovernanceTest;
import org.bpogovernance.testing.Json;
import org.bpogovernance.testing.Pdf;
import org.bpogovernance.testing.ReviewCallWalk;
import org.bpogovernance.testing.Tasklist;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * milestone-review, path by path, with the people working through Tasklist's API and the timers
 * fired by activity id: all approved; the quorum missed and the call moved; the minutes rejected
 * and reworked; a rejection escalated; performance data missing; no rating given. Together the
 * tests visit every flow node of milestone-review and of the review-call loop of
 * operational-governance, but for the scheduling poll's ({@link SchedulingPollTest}) and the visitors
 * registered in time ({@link OnSiteCallTest}).
 */
@GovernanceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MilestoneReviewProcessTest {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ProcessEngine processEngine;

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

    @Autowired
    JdbcTemplate jdbc;

    ReviewCallWalk walk;
    final List<String> reviews = new ArrayList<>();
    final List<String> operations = new ArrayList<>();

    @BeforeEach
    void newWalk() {
        AbstractAssertions.init(processEngine);
        walk = new ReviewCallWalk(rest, runtimeService, managementService, taskService);
    }

    @Test
    void aCallPreparedFromExceptionsHeldAndSignedByBothOpensItsActionItems() throws Exception {
        var engagement = walk.operationalEngagement();
        YearMonth month = YearMonth.now(ReviewCallWalk.BERLIN);
        walk.measure(month, 95.0, 310);
        assertThat(postJson(rest, "olivia", "demo", engagement.path() + "/milestones", """
                {"title": "Wave 2 go-live", "dueDate": "%s", "owner": "peter", "status": "AT_RISK",
                 "acceptanceCriteria": "All queues migrated, FTR at target for two weeks"}"""
                .formatted(LocalDate.now().plusDays(20))).getStatusCode()).isEqualTo(HttpStatus.CREATED);

        ProcessInstance operationsInstance = walk.operations();
        operations.add(operationsInstance.getId());
        assertThat(walk.job(operationsInstance.getId(), "timer_reviewCallDue").getDuedate()).as("the day after the month ends")
                .isEqualTo(Date.from(month.plusMonths(1).atDay(1).atTime(LocalTime.of(9, 0)).atZone(ReviewCallWalk.BERLIN).toInstant()));
        ProcessInstance review = walk.callDue();
        reviews.add(review.getId());
        assertThat(review).isWaitingAt("userTask_prepareAgenda");

        // The draft: standing items around the exceptions (FTR amber, the milestone at risk).
        String agendaTask = walk.task("olivia", "Prepare the agenda");
        String variables = walk.tasklist.open("olivia", agendaTask, "prepareAgendaForm");
        String draft = Json.read(variables, "$.agendaItems.value");
        assertThat(draft.lines()).first().isEqualTo("5 | olivia | Welcome, objectives and the actions of the last call");
        assertThat(draft.lines()).anyMatch(line -> line.startsWith("5 | peter | FTR First-time-right rate amber in "))
                .contains("5 | peter | Milestone at risk: Wave 2 go-live (due " + PeopleDates.day(LocalDate.now().plusDays(20)) + ")")
                .noneMatch(line -> line.contains("AHT"));
        assertThat((Integer) Json.read(variables, "$.meetingMinutes.value")).isEqualTo(60);
        assertThat((String) Json.read(variables, "$.participants.value")).contains("clara — Clara Client, client representative",
                "peter — Peter Provider, provider manager", "sam — Sam Sponsor, executive sponsor");

        ResponseEntity<String> tooLong = walk.tasklist.submit("olivia", agendaTask, "{\"objectives\": {\"value\": \"Review\"}, "
                + "\"agendaItems\": {\"value\": \"45 | peter | Performance\\n\\n30 | clara | Roadmap\"}}");
        assertThat(tooLong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) Json.read(tooLong.getBody(), "$.message"))
                .contains("Agenda items: the timeboxes total 75 minutes, but the call lasts 60");
        ResponseEntity<String> stranger = walk.tasklist.submit("olivia", agendaTask, "{\"objectives\": {\"value\": \"Review\"}, "
                + "\"agendaItems\": {\"value\": \"20 | peter | Performance\\n5 | carl | Roadmap\\nten | clara | AOB\"}}");
        assertThat((String) Json.read(stranger.getBody(), "$.message")).as("a line that cannot be read, and one that breaks a rule")
                .contains("Agenda items line 2: owner: carl is not a stakeholder of the engagement",
                        "Agenda items line 3: minutes: 'ten' is not a whole number");
        walk.prepareAgendaAsDrafted();

        // Data complete: straight to the scorecard and the meeting-format decision (first call: on premises).
        assertThat(review).hasPassed("serviceTask_checkPerformanceData", "serviceTask_attachScorecard",
                "businessRuleTask_decideMeetingFormat").hasNotPassed("userTask_submitPerformanceData")
                .isWaitingAt("userTask_scheduleCall");
        String scheduleTask = walk.task("olivia", "Schedule the review call");
        String proposal = walk.tasklist.open("olivia", scheduleTask, "scheduleReviewCallForm");
        assertThat((String) Json.read(proposal, "$.callFormat.value")).isEqualTo("ON_PREMISES");
        assertThat((String) Json.read(proposal, "$.callSite.value")).isEqualTo("Litware House, Hamburg");
        ResponseEntity<String> past = walk.tasklist.submit("olivia", scheduleTask, """
                {"callDate": {"value": "%s"}, "callTime": {"value": "10:00"}, "callMinutes": {"value": 60, "type": "Integer"},
                 "callFormat": {"value": "REMOTE"}}""".formatted(LocalDate.now().minusDays(1)));
        assertThat((String) Json.read(past.getBody(), "$.message")).contains("Date: the call must start at least");
        LocalDate callDay = LocalDate.now(ReviewCallWalk.BERLIN).plusDays(5);
        walk.schedule(callDay, "10:00", "ON_PREMISES");
        assertThat(jdbc.queryForList("select recipient_user_id from notification_outbox where kind = 'meeting-invite' "
                + "and engagement_id = ?", String.class, engagement.id())).as("the kick-off and this call, to everyone")
                .containsOnly("clara", "peter", "olivia", "sam").hasSize(8);

        // Everyone but the organiser answers; only for themselves.
        assertThat(taskService.createTaskQuery().processInstanceId(review.getId()).taskName("Confirm attendance").list())
                .extracting(task -> task.getAssignee()).containsExactlyInAnyOrder("clara", "peter", "sam");
        String samsTask = walk.task("sam", "Confirm attendance");
        assertThat(walk.tasklist.submit("clara", samsTask, "{\"attendanceResponse\": {\"value\": \"CONFIRM\"}}").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> onBehalf = walk.tasklist.submit("olivia", samsTask, "{\"attendanceResponse\": {\"value\": \"DECLINE\"}}");
        assertThat((String) Json.read(onBehalf.getBody(), "$.message")).contains("Invitee: olivia cannot answer for sam");
        walk.answer("clara", "CONFIRM");
        walk.answer("peter", "CONFIRM");
        walk.answer("sam", "DECLINE");
        assertThat(review).hasPassed("serviceTask_checkQuorum").isWaitingAt("timer_callTakesPlace");
        assertThat(walk.job(review.getId(), "timer_callTakesPlace").getDuedate())
                .isEqualTo(Date.from(callDay.atTime(10, 0).atZone(ReviewCallWalk.BERLIN).toInstant()));
        walk.callTakesPlace(review);

        // The minutes: action items need an owner on the engagement and a due date after the call.
        String recordTask = walk.task("olivia", "Record the call");
        String recordForm = walk.tasklist.open("olivia", recordTask, "recordReviewCallForm");
        String attendance = Json.read(recordForm, "$.attendance.value");
        assertThat(attendance.lines()).containsExactly("clara | ON_SITE | Clara Client, answered CONFIRMED",
                "peter | ON_SITE | Peter Provider, answered CONFIRMED", "sam | ABSENT | Sam Sponsor, answered DECLINED");
        assertThat((String) Json.read(recordForm, "$.callDay.value")).isEqualTo(callDay.toString());
        assertThat((String) Json.read(recordForm, "$.callFormat.value")).isEqualTo("ON_PREMISES");
        String recordFormJson = get(rest, "olivia", "demo", "/engine-rest/task/" + recordTask + "/deployed-form").getBody();
        assertThat((List<String>) Json.read(recordFormJson, "$.components[?(@.type == 'text')].text"))
                .anyMatch(text -> text.contains("held on **{{callDay}}**") && text.contains("due **after {{callDay}}**"));
        ResponseEntity<String> badActions = walk.tasklist.submit("olivia", recordTask, """
                {"minutes": {"value": "Discussed"}, "attendance": {"value": %s}, "actionItems": {"value": %s}}""".formatted(
                Json.quote(attendance), Json.quote(callDay.plusDays(3) + " | carl | Fix it\n" + callDay + " | peter | Report\n"
                        + "next week | peter | Plan")));
        assertThat(badActions.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) Json.read(badActions.getBody(), "$.message")).as("three bad lines, one refusal")
                .contains("New action items line 1: owner: carl is not a stakeholder", "New action items line 2: dueDate: must be after " + callDay,
                        "New action items line 3: due date: 'next week' is not a date")
                .doesNotContain("New action items line 3: dueDate");
        ResponseEntity<String> badEverywhere = walk.tasklist.submit("olivia", recordTask, """
                {"minutes": {"value": "Discussed"}, "attendance": {"value": %s}, "milestoneUpdates": {"value": "first | DONE"},
                 "actionItems": {"value": %s}}""".formatted(Json.quote(attendance.replace("sam | ABSENT", "sam | ASLEEP")),
                Json.quote(callDay.plusDays(3) + " | peter | Fix it\n" + callDay.plusDays(3) + " |  | Nobody's job")));
        assertThat((String) Json.read(badEverywhere.getBody(), "$.message")).as("every list of the form in one refusal")
                .contains("Attendance line 3: attendance: must be ON_SITE, REMOTE or ABSENT for sam",
                        "Milestones line 1: no.: 'first' is not a milestone number",
                        "New action items line 2: owner: is required: who does it");
        walk.record(ReviewCallWalk.actions(callDay.plusDays(14)));
        assertThat(review).isWaitingAt("userTask_signOffAsClient", "userTask_signOffAsProvider");

        // Clara signs in Tasklist, Peter through the API; a second decision is refused.
        walk.signOff("clara", "APPROVE", null, null);
        String reviewPath = engagement.path() + "/reviews/" + reviewId(engagement.id());
        assertThat(postJson(rest, "clara", "demo", reviewPath + "/sign-off", "{\"decision\": \"APPROVE\"}").getStatusCode())
                .as("clara decided this round already").isEqualTo(HttpStatus.CONFLICT);
        assertThat(postJson(rest, "sam", "demo", reviewPath + "/sign-off", "{\"decision\": \"APPROVE\"}").getStatusCode())
                .as("sam is no named signer").isEqualTo(HttpStatus.BAD_REQUEST);
        ResponseEntity<String> signed = postJson(rest, "peter", "demo", reviewPath + "/sign-off", "{\"decision\": \"APPROVE\"}");
        assertThat(signed.getStatusCode()).as(signed.getBody()).isEqualTo(HttpStatus.OK);
        assertThat((String) Json.read(signed.getBody(), "$.status")).isEqualTo("SIGNED_OFF");
        assertThat((List<String>) Json.read(signed.getBody(), "$.signOffs[*].signer")).containsExactly("clara", "peter");
        assertThat((List<String>) Json.read(signed.getBody(), "$.signOffs[*].decidedAt")).allMatch(at -> at != null);
        assertThat(postJson(rest, "peter", "demo", reviewPath + "/sign-off", "{\"decision\": \"APPROVE\"}").getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);

        // Locked: no edit; the action items open and are followed up by their owners.
        ResponseEntity<String> edit = exchange(rest, "olivia", "demo", HttpMethod.PUT, reviewPath + "/minutes",
                "{\"minutes\": \"A later edit\"}");
        assertThat(edit.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((String) Json.read(edit.getBody(), "$.detail")).contains("record is locked");
        assertThat(review).hasPassed("serviceTask_closeReview", "serviceTask_startFollowUps").isWaitingAt("userTask_rateCall");
        assertThat(taskService.createTaskQuery().processDefinitionKey("action-item-follow-up")
                .processInstanceBusinessKey(engagement.reference()).list())
                .extracting(task -> task.getAssignee() + ": " + task.getName())
                .containsExactlyInAnyOrder("peter: Complete the action item", "clara: Complete the action item");
        String items = get(rest, "clara", "demo", engagement.path() + "/action-items?status=OPEN").getBody();
        assertThat((List<String>) Json.read(items, "$[*].owner")).containsExactlyInAnyOrder("peter", "clara");

        // The client rates the call, 1 to 5.
        String rateTask = walk.task("clara", "Rate the review call");
        walk.tasklist.open("clara", rateTask, "rateReviewCallForm");
        assertThat((String) Json.read(walk.tasklist.submit("clara", rateTask, "{\"satisfactionScore\": {\"value\": \"6\"}}")
                .getBody(), "$.message")).contains("Satisfaction: must be a whole number from 1 to 5");
        walk.tasklist.submitted("clara", rateTask, "{\"satisfactionScore\": {\"value\": \"4\"}, "
                + "\"satisfactionComment\": {\"value\": \"Focused; the exceptions first worked well\"}}");
        assertThat(review).isEnded();
        assertThat(runtimeService.createVariableInstanceQuery().processInstanceIdIn(review.getId()).count()).isZero();

        // The record, and the minutes as a document.
        String record = get(rest, "sam", "demo", reviewPath).getBody();
        assertThat((Integer) Json.read(record, "$.satisfactionScore")).isEqualTo(4);
        assertThat((List<String>) Json.read(record, "$.attendance[*].presence")).containsExactly("ON_SITE", "ON_SITE", "ABSENT");
        assertThat((String) Json.read(record, "$.scorecardSummary")).contains("FTR First-time-right rate: 95%, amber");
        assertThat((String) Json.read(record, "$.call.format")).isEqualTo("ON_PREMISES");
        ResponseEntity<String> document = get(rest, "peter", "demo", reviewPath + "/minutes");
        assertThat(document.getHeaders().getContentType().toString()).startsWith("text/html");
        assertThat(document.getHeaders().getContentDisposition().getFilename()).endsWith("-minutes.html");
        var parsed = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(document.getBody().getBytes(StandardCharsets.UTF_8)));
        String monthInWords = month.format(DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH));
        assertThat(parsed.getElementsByTagName("h1").item(0).getTextContent())
                .isEqualTo("Minutes — Operational review 1, " + monthInWords);
        assertThat(document.getBody()).contains("Add second-level checks to queue B", "Second-level checks in queue B",
                "Clara Client", "Sam Sponsor", "declined", PeopleDates.day(callDay) + ", 10:00 (Europe/Berlin)")
                .doesNotContain("ON_SITE", "CONFIRMED", "APPROVE");
        assertThat(get(rest, "carl", "demo", reviewPath + "/minutes").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        // The same minutes as PDF: who signed, for which side, in the engagement's time zone.
        ResponseEntity<byte[]> pdf = download(rest, "peter", "demo", reviewPath + "/minutes.pdf");
        assertThat(pdf.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
        assertThat(pdf.getHeaders().getContentDisposition().getFilename()).endsWith("-minutes.pdf");
        String text = Pdf.text(pdf.getBody());
        assertThat(text).contains("Minutes — Operational review 1, " + monthInWords, "Add second-level checks to queue B",
                "Clara Client", "Peter Provider", "Litware Insurance", "Northwind BPO", "approved", "Signed by both parties")
                .containsPattern("approved \\w+day \\d+ \\w+ \\d{4}, \\d\\d: ?\\d\\d \\(Europe/Berlin\\)");
        assertThat(download(rest, "carl", "demo", reviewPath + "/minutes.pdf").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        String timeline = get(rest, "sam", "demo", engagement.path() + "/timeline").getBody();
        assertThat((List<String>) Json.read(timeline, "$.events[?(@.action == 'REVIEW_SIGNED_OFF')].document"))
                .as("the timeline links the signed minutes").containsExactly(reviewPath + "/minutes.pdf");
        assertThat((List<String>) Json.read(get(rest, "olivia", "demo", engagement.path() + "/reviews").getBody(),
                "$[*].status")).containsExactly("SIGNED_OFF");
    }

    @Test
    void withoutTheQuorumTheOfficerMovesTheCallAndEveryoneAnswersAgain() {
        var engagement = walk.operationalEngagement();
        walk.measure(YearMonth.now(ReviewCallWalk.BERLIN), 98.5, 290);
        ProcessInstance review = walk.callDue();
        reviews.add(review.getId());
        String agendaTask = walk.task("olivia", "Prepare the agenda");
        walk.tasklist.open("olivia", agendaTask, "prepareAgendaForm");
        walk.tasklist.submitted("olivia", agendaTask, "{\"objectives\": {\"value\": \"Review the month\"}, "
                + "\"agendaItems\": {\"value\": \"20 | olivia | Performance\\n20 | peter | Roadmap\"}}");
        LocalDate callDay = LocalDate.now(ReviewCallWalk.BERLIN).plusDays(4);
        String room = "https://meet.example.org/litware-ops-bridge";
        String scheduleTask = walk.task("olivia", "Schedule the review call");
        String proposal = walk.tasklist.open("olivia", scheduleTask, "scheduleReviewCallForm");
        assertThat((String) Json.read(proposal, "$.callSite.value")).isEqualTo("Litware House, Hamburg");
        ResponseEntity<String> shorterThanItsAgenda = walk.tasklist.submit("olivia", scheduleTask, """
                {"callDate": {"value": "%s"}, "callTime": {"value": "14:00"}, "callMinutes": {"value": 30, "type": "Integer"},
                 "callFormat": {"value": "REMOTE"}}""".formatted(callDay));
        assertThat(shorterThanItsAgenda.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) Json.read(shorterThanItsAgenda.getBody(), "$.message")).as("the call is at least as long as its agenda")
                .isEqualTo("Length (minutes): must be at least 40: the agenda's timeboxes take 40 minutes");
        // Remote chosen with the site still filled in (as the form proposed it): the call is remote, at its link only
        walk.tasklist.submitted("olivia", scheduleTask, """
                {"callDate": {"value": "%s"}, "callTime": {"value": "14:00"}, "callMinutes": {"value": 60, "type": "Integer"},
                 "callFormat": {"value": "REMOTE"}, "callSite": {"value": "Litware House, Hamburg"},
                 "callLink": {"value": "%s"}}""".formatted(callDay, room));
        assertThat(jdbc.queryForList("select text_body from notification_outbox where kind = 'meeting-invite' and "
                + "engagement_id = ? and recipient_user_id = 'clara' and subject not like '%Kick-off%'", String.class,
                engagement.id())).singleElement().asString()
                .contains("Where: remote, online: " + room, "(Europe/Berlin)").doesNotContain("Litware House");
        walk.answer("clara", "CONFIRM");
        walk.answer("peter", "DECLINE");
        assertThat(review).isWaitingAt("userTask_confirmAttendance");
        managementService.executeJob(walk.job(review.getId(), "timer_attendanceDeadline").getId());

        assertThat(review).hasPassed("timer_attendanceDeadline", "gateway_answersIn").isWaitingAt("userTask_rescheduleCall");
        assertThat(taskService.createTaskQuery().processInstanceId(review.getId()).taskName("Confirm attendance").count())
                .as("sam's unanswered task ends at the deadline").isZero();
        String rescheduleTask = walk.task("olivia", "Reschedule the review call");
        String form = walk.tasklist.open("olivia", rescheduleTask, "rescheduleReviewCallForm");
        assertThat((String) Json.read(form, "$.attendanceResponses.value")).contains("clara: CONFIRMED", "peter: DECLINED",
                "sam: INVITED");
        assertThat((String) Json.read(form, "$.callDate.value")).isEqualTo(callDay.plusWeeks(1).toString());
        assertThat((String) Json.read(form, "$.callLocation.value")).as("the call keeps its place").isEqualTo(room);
        assertThat((String) Json.read(walk.tasklist.submit("olivia", rescheduleTask, """
                {"callDate": {"value": "%s"}, "callTime": {"value": "14:00"}, "callMinutes": {"value": 60, "type": "Integer"}}"""
                .formatted(LocalDate.now().minusDays(2))).getBody(), "$.message")).contains("New date: ");
        walk.tasklist.submitted("olivia", rescheduleTask, """
                {"callDate": {"value": "%s"}, "callTime": {"value": "14:00"}, "callMinutes": {"value": 60, "type": "Integer"}}"""
                .formatted(callDay.plusWeeks(1)));
        assertThat(jdbc.queryForList("select dedup_key from notification_outbox where kind = 'meeting-invite' and "
                + "engagement_id = ? and recipient_user_id = 'peter'", String.class, engagement.id()))
                .as("peter's calendar gets the update: same UID, sequence 1").anyMatch(key -> key.endsWith(":1:peter"));
        assertThat((List<String>) Json.read(get(rest, "olivia", "demo", engagement.path() + "/meetings").getBody(),
                "$[?(@.kind == 'REVIEW_CALL')].link")).as("moved, not relocated").containsExactly(room);

        walk.answer("clara", "CONFIRM");
        walk.answer("peter", "CONFIRM");
        walk.answer("sam", "CONFIRM");
        assertThat(review).hasPassed("userTask_rescheduleCall").isWaitingAt("timer_callTakesPlace");
        assertThat(walk.job(review.getId(), "timer_callTakesPlace").getDuedate())
                .isEqualTo(Date.from(callDay.plusWeeks(1).atTime(14, 0).atZone(ReviewCallWalk.BERLIN).toInstant()));
        walk.callTakesPlace(review);
        walk.record("");
        walk.signOff("clara", "APPROVE", null, null);
        walk.signOff("peter", "APPROVE", null, null);

        // Nobody rates the call within 14 days: the review still ends.
        managementService.executeJob(walk.job(review.getId(), "timer_ratingWindowClosed").getId());
        assertThat(review).hasPassed("serviceTask_startFollowUps", "endEvent_callNotRated").isEnded();
    }

    @Test
    void rejectedMinutesGoBackToTheOfficerAndBothSignAgain() {
        var engagement = walk.operationalEngagement();
        ProcessInstance review = walk.callDue();
        reviews.add(review.getId());
        walk.prepareAgendaAsDrafted();

        // No feed delivered the month's data: the provider is asked before the pack is assembled.
        assertThat(review).isWaitingAt("userTask_submitPerformanceData");
        String dataTask = walk.task("peter", "Submit performance data");
        walk.tasklist.open("peter", dataTask, "submitPerformanceDataForm");
        walk.tasklist.submitted("peter", dataTask, "{\"performanceValues\": " + Tasklist.json("""
                [{"metric": "FTR", "value": 97.1}, {"metric": "AHT", "value": 345, "comment": "flu season"}]""") + "}");
        assertThat(review).hasPassed("userTask_submitPerformanceData", "serviceTask_attachScorecard")
                .isWaitingAt("userTask_scheduleCall");

        LocalDate callDay = LocalDate.now(ReviewCallWalk.BERLIN).plusDays(6);
        walk.schedule(callDay, "09:30", "HYBRID");
        walk.answer("clara", "CONFIRM");
        walk.answer("peter", "CONFIRM");
        walk.answer("sam", "CONFIRM");
        walk.callTakesPlace(review);
        walk.record(ReviewCallWalk.actions(callDay.plusDays(10)));

        String claraTask = walk.task("clara", "Sign off the minutes (client)");
        assertThat((String) Json.read(walk.tasklist.open("clara", claraTask, "signOffMinutesForm"), "$.minutesText.value"))
                .contains("Performance discussed", "Add second-level checks to queue B — Peter Provider, due "
                        + PeopleDates.day(callDay.plusDays(10)))
                .containsPattern("- Clara Client: (on site|remote)");
        assertThat((String) Json.read(walk.tasklist.submit("clara", claraTask, "{\"signOffDecision\": {\"value\": \"REJECT\"}}")
                .getBody(), "$.message")).contains("Reason for rejecting: is required when rejecting the minutes");
        walk.signOff("clara", "REJECT", "The AHT root cause is missing from the minutes", "REWORK");
        walk.signOff("peter", "APPROVE", null, null);
        assertThat(review).hasPassed("gateway_escalationAsked").hasNotPassed("serviceTask_escalateDispute")
                .isWaitingAt("userTask_reworkMinutes");

        String reviewPath = engagement.path() + "/reviews/" + reviewId(engagement.id());
        assertThat(exchange(rest, "peter", "demo", HttpMethod.PUT, reviewPath + "/minutes", "{\"minutes\": \"x\"}")
                .getStatusCode()).as("only officers rework").isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> empty = exchange(rest, "olivia", "demo", HttpMethod.PUT, reviewPath + "/minutes",
                "{\"minutes\": \" \"}");
        assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<String>) Json.read(empty.getBody(), "$.errors[*].field")).containsExactly("minutes");
        ResponseEntity<String> reworked = exchange(rest, "olivia", "demo", HttpMethod.PUT, reviewPath + "/minutes", """
                {"minutes": "Performance discussed. AHT root cause: seasonal sickness in queue A.",
                 "decisions": "Second-level checks in queue B from next week."}""");
        assertThat(reworked.getStatusCode()).as(reworked.getBody()).isEqualTo(HttpStatus.OK);
        assertThat((String) Json.read(reworked.getBody(), "$.status")).isEqualTo("IN_SIGN_OFF");

        walk.signOff("clara", "APPROVE", null, null);
        walk.signOff("peter", "APPROVE", null, null);
        String record = get(rest, "clara", "demo", reviewPath).getBody();
        assertThat((List<Integer>) Json.read(record, "$.signOffs[*].round")).containsExactly(1, 1, 2, 2);
        assertThat((String) Json.read(record, "$.minutes")).contains("seasonal sickness");
        assertThat((List<String>) Json.read(record, "$.actionItems[*].status")).containsOnly("OPEN").hasSize(2);
    }

    @Test
    void aRejectionWithEscalationRaisesOneAndTheMinutesAreReworked() {
        var engagement = walk.operationalEngagement();
        ProcessInstance review = callRecorded("DECLINE");
        walk.signOff("clara", "APPROVE", null, null);
        walk.signOff("peter", "REJECT", "The minutes blame the provider for the late client inputs", "ESCALATE");

        assertThat(review).hasPassed("serviceTask_escalateDispute", "gateway_minutesBack").isWaitingAt("userTask_reworkMinutes");
        Long reviewId = reviewId(engagement.id());
        var escalation = runtimeService.createProcessInstanceQuery().processDefinitionKey("escalation")
                .processInstanceBusinessKey("review:" + reviewId + ":1").singleResult();
        assertThat(escalation).isNotNull();
        assertThat((String) runtimeService.getVariable(escalation.getId(), "escalationTrigger")).isEqualTo("REJECTED_SIGN_OFF");
        assertThat((String) runtimeService.getVariable(escalation.getId(), "escalationSubject"))
                .contains("were rejected", "PROVIDER (peter): The minutes blame the provider");

        String rework = walk.task("olivia", "Rework the minutes");
        assertThat((String) Json.read(walk.tasklist.open("olivia", rework, "reworkMinutesForm"), "$.minutesRejections.value"))
                .isEqualTo("PROVIDER (peter): The minutes blame the provider for the late client inputs");
        walk.tasklist.submitted("olivia", rework, """
                {"minutes": {"value": "Performance discussed; late client inputs delayed two queues."},
                 "actionItems": {"value": ""}}""");
        walk.signOff("clara", "APPROVE", null, null);
        walk.signOff("peter", "APPROVE", null, null);
        assertThat(review).isWaitingAt("userTask_rateCall");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("escalation")
                .variableValueEquals("engagementId", engagement.id()).count()).as("one escalation for the dispute").isOne();
    }

    @Test
    void minutesRejectedRoundAfterRoundGoUpTheLadderOnceAndTheNextRoundWaitsForItsRuling() {
        var engagement = walk.operationalEngagement();
        ProcessInstance review = callRecorded("CONFIRM");
        String reworked = """
                {"minutes": {"value": "Performance discussed; the client's view added."}, "actionItems": {"value": ""}}""";
        for (int round = 1; round <= 3; round++) {
            walk.signOff("clara", "REJECT", "Round " + round + ": the minutes still miss our view", "ESCALATE");
            walk.signOff("peter", "APPROVE", null, null);
            if (round < 3) {
                walk.tasklist.submitted("olivia", walk.task("olivia", "Rework the minutes"), reworked);
            }
        }
        Long reviewId = reviewId(engagement.id());
        assertThat(jdbc.queryForList("select trigger_type || ' ' || cause || ' level ' || level from escalation "
                + "where engagement_id = ? order by id", String.class, engagement.id())).containsExactly(
                "REJECTED_SIGN_OFF review:" + reviewId + ":1 level 2", "REJECTED_SIGN_OFF review:" + reviewId + ":2 level 2",
                "SIGN_OFF_DISPUTE dispute:minutes:" + reviewId + " level 3");

        // the officer cannot open a fourth round while the steering committee has the dispute
        String rework = walk.task("olivia", "Rework the minutes");
        ResponseEntity<String> early = walk.tasklist.submit("olivia", rework, reworked);
        assertThat(early.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) Json.read(early.getBody(), "$.message"))
                .contains("the dispute is with the escalation ladder", "after 3 rejected rounds");
        assertThat(review).isWaitingAt("userTask_reworkMinutes");

        long dispute = jdbc.queryForObject("select id from escalation where cause = ?", Long.class, "dispute:minutes:" + reviewId);
        assertThat(postJson(rest, "sam", "demo", engagement.path() + "/escalations/" + dispute + "/resolve",
                "{\"resolution\": \"RESOLVED\", \"note\": \"The minutes record both views; sign them.\"}")
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        walk.tasklist.submitted("olivia", rework, reworked);
        walk.signOff("clara", "APPROVE", null, null);
        walk.signOff("peter", "APPROVE", null, null);
        assertThat(review).isWaitingAt("userTask_rateCall");
    }

    /** This month's call of the walk's engagement held remotely in three days and recorded with no action items. */
    private ProcessInstance callRecorded(String samsAnswer) {
        walk.measure(YearMonth.now(ReviewCallWalk.BERLIN), 98.0, 300);
        ProcessInstance review = walk.callDue();
        reviews.add(review.getId());
        walk.prepareAgendaAsDrafted();
        walk.schedule(LocalDate.now(ReviewCallWalk.BERLIN).plusDays(3), "11:00", "REMOTE");
        walk.answer("clara", "CONFIRM");
        walk.answer("peter", "CONFIRM");
        walk.answer("sam", samsAnswer);
        walk.callTakesPlace(review);
        walk.record("");
        return review;
    }

    @Test
    void theCadenceFollowsTheTermAndThePhaseEndsWithTheRenewalWindow() {
        LocalDate termStart = LocalDate.now(ReviewCallWalk.BERLIN).withDayOfMonth(1).minusMonths(4);
        walk.engagement = Engagements.register(rest, termStart, YearMonth.now(ReviewCallWalk.BERLIN).atEndOfMonth(),
                ReviewCallWalk.MONTHLY);
        Engagements.defineMetrics(rest, walk.engagement, YearMonth.from(termStart).toString());
        Engagements.onboard(taskService, walk.engagement);
        ProcessInstance phase = walk.operations();
        operations.add(phase.getId());

        // The monthly data request: last month is missing, the provider is asked; asked once.
        managementService.executeJob(walk.job(phase.getId(), "timer_performanceDataDue").getId());
        String dataTask = walk.task("peter", "Submit performance data");
        walk.tasklist.submitted("peter", dataTask, "{\"performanceValues\": {\"value\": \"FTR | 99\\nAHT | 280\"}}");
        managementService.executeJob(walk.job(phase.getId(), "timer_performanceDataDue").getId());

        // Twice a year a round of the relationship survey starts, as its own process.
        managementService.executeJob(walk.job(phase.getId(), "timer_relationshipSurveyDue").getId());
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("relationship-survey")
                .processInstanceBusinessKey("relationship-survey:" + walk.engagement.id()).count()).isOne();

        // The month's call is the term's last: afterwards no call is planned.
        ProcessInstance review = walk.callDue();
        assertThat(review).isWaitingAt("userTask_prepareAgenda");
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(phase.getId())
                .activityId("endEvent_noFurtherCalls").count()).isOne();
        assertThat(managementService.createJobQuery().processInstanceId(phase.getId()).activityId("timer_reviewCallDue")
                .count()).isZero();

        managementService.executeJob(walk.job(phase.getId(), "timer_renewalWindowOpens").getId());
        assertThat(phase).isEnded();
        assertThat(review).as("a call under way finishes on its own").isWaitingAt("userTask_prepareAgenda");
    }

    @Test
    void callsOfTwoTiersDueTheSameDayBothStartEachOnItsOwnPeriod() {
        // Term from two months back: this month closes both the first quarter and a month.
        LocalDate termStart = LocalDate.now(ReviewCallWalk.BERLIN).withDayOfMonth(1).minusMonths(2);
        walk.engagement = Engagements.register(rest, termStart, termStart.plusYears(2), """
                [{"tier": "OPERATIONAL", "cadence": "MONTHLY", "meetingMinutes": 60},
                 {"tier": "MANAGEMENT", "cadence": "QUARTERLY", "meetingMinutes": 90}]""");
        Engagements.onboard(taskService, walk.engagement);
        ProcessInstance phase = walk.operations();
        operations.add(phase.getId());
        YearMonth month = YearMonth.now(ReviewCallWalk.BERLIN);
        Date due = Date.from(month.plusMonths(1).atDay(1).atTime(LocalTime.of(9, 0)).atZone(ReviewCallWalk.BERLIN).toInstant());
        assertThat(walk.job(phase.getId(), "timer_reviewCallDue").getDuedate()).isEqualTo(due);

        managementService.executeJob(walk.job(phase.getId(), "timer_reviewCallDue").getId());
        String reviewsJson = get(rest, "olivia", "demo", walk.engagement.path() + "/reviews").getBody();
        assertThat((List<String>) Json.read(reviewsJson, "$[*].tier")).containsExactlyInAnyOrder("OPERATIONAL", "MANAGEMENT");
        assertThat((List<String>) Json.read(reviewsJson, "$[?(@.tier == 'MANAGEMENT')].period"))
                .as("the quarter that just ended, not the next one").containsExactly(YearMonth.from(termStart) + " to " + month);
        assertThat((List<String>) Json.read(reviewsJson, "$[?(@.tier == 'OPERATIONAL')].period"))
                .containsExactly(month.toString());
        runtimeService.createProcessInstanceQuery().processDefinitionKey("milestone-review")
                .processInstanceBusinessKey(walk.engagement.reference()).list().forEach(instance -> reviews.add(instance.getId()));
        assertThat(walk.job(phase.getId(), "timer_reviewCallDue").getDuedate()).as("next: the following month's call")
                .isEqualTo(Date.from(month.plusMonths(2).atDay(1).atTime(LocalTime.of(9, 0)).atZone(ReviewCallWalk.BERLIN)
                        .toInstant()));
    }

    @Test
    void anOfficerWhoIsAlsoTheClientRepresentativeCountsTowardsTheQuorum() {
        LocalDate termStart = LocalDate.now(ReviewCallWalk.BERLIN).withDayOfMonth(1).minusMonths(3);
        String reference = Engagements.uniqueReference();
        ResponseEntity<String> created = postJson(rest, "olivia", "demo", "/api/engagements", """
                {"name": "Small office %1$s", "client": "Litware Insurance", "provider": "Northwind BPO",
                 "serviceScope": "Payroll", "contractReference": "%1$s", "termStart": "%2$s", "termEnd": "%3$s",
                 "noticePeriodDays": 90, "timeZone": "Europe/Berlin", "remoteMeetingLink": "https://meet.example.org/payroll",
                 "clientRepresentative": "olivia", "providerManager": "peter", "governanceOfficer": "olivia",
                 "tiers": %4$s}""".formatted(reference, termStart, termStart.plusYears(3), ReviewCallWalk.MONTHLY));
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
        walk.engagement = new Engagements.Registered(((Number) Json.read(created.getBody(), "$.id")).longValue(), reference);
        Engagements.onboard(taskService, walk.engagement);
        operations.add(walk.operations().getId());
        ProcessInstance review = walk.callDue();
        reviews.add(review.getId());
        walk.prepareAgendaAsDrafted();
        walk.schedule(LocalDate.now(ReviewCallWalk.BERLIN).plusDays(3), "10:00", "REMOTE");
        assertThat(taskService.createTaskQuery().processInstanceId(review.getId()).taskName("Confirm attendance").list())
                .as("the organiser is not asked").extracting(task -> task.getAssignee()).containsExactly("peter");
        walk.answer("peter", "CONFIRM");
        assertThat(review).hasPassed("serviceTask_checkQuorum").isWaitingAt("timer_callTakesPlace");
    }

    private Long reviewId(long engagementId) {
        return jdbc.queryForObject("select max(id) from review where engagement_id = ?", Long.class, engagementId);
    }

    @AfterAll
    void everyFlowNodeWasVisited() {
        assertThat(FlowNodeCoverage.unvisited(repositoryService, historyService, "milestone-review", reviews))
                .as("the scheduling poll's are SchedulingPollTest's, a registration in time OnSiteCallTest's")
                .filteredOn(node -> !SchedulingPollTest.POLL_NODES.contains(node) && !node.equals("endEvent_visitorsRegistered"))
                .isEmpty();
        assertThat(FlowNodeCoverage.unvisited(repositoryService, historyService, "operational-governance", operations))
                .isEmpty();
    }
}
