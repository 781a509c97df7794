package org.bpogovernance.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bpogovernance.testing.Http.get;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.bpogovernance.platform.PeopleDates;
import org.bpogovernance.testing.GovernanceTest;
import org.bpogovernance.testing.Json;
import org.bpogovernance.testing.ReviewCallWalk;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A review call on site as the people live it: the officer names the host and what visitors need
 * to know, keeps a visit of the operations on the agenda, everyone's invite says so, the host
 * registers the visitors with the reception before the call, the travel is recorded with the call
 * and reaches the term summary and the next call's meeting-format decision.
 */
@GovernanceTest
class OnSiteCallTest {

    static final String FOR_VISITORS = "Reception in building B, bring an ID; parking at gate 3";

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
    HistoryService historyService;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    OnSiteVisits visits;

    @Test
    void theHostRegistersTheVisitorsAndTheTravelReachesTheTermSummaryAndTheNextDecision() {
        AbstractAssertions.init(processEngine);
        ReviewCallWalk walk = new ReviewCallWalk(rest, runtimeService, managementService, taskService);
        var engagement = walk.operationalEngagement();
        walk.measure(YearMonth.now(ReviewCallWalk.BERLIN), 98.5, 290);
        ProcessInstance review = walk.callDue();
        String agendaTask = walk.task("olivia", "Prepare the agenda");
        walk.tasklist.open("olivia", agendaTask, "prepareAgendaForm");
        walk.tasklist.submitted("olivia", agendaTask, "{\"objectives\": {\"value\": \"Review the month\"}, "
                + "\"agendaItems\": {\"value\": \"20 | olivia | Performance\\n20 | peter | Roadmap\"}}");

        // The first call meets on premises; the form suggests the provider manager as host.
        String scheduleTask = walk.task("olivia", "Schedule the review call");
        String form = walk.tasklist.open("olivia", scheduleTask, "scheduleReviewCallForm");
        assertThat((String) Json.read(form, "$.callFormat.value")).isEqualTo("ON_PREMISES");
        assertThat((String) Json.read(form, "$.callHost.value")).isEqualTo("peter");
        assertThat((Boolean) Json.read(form, "$.operationsVisit.value")).isFalse();
        LocalDate callDay = LocalDate.now(ReviewCallWalk.BERLIN).plusDays(6);
        ResponseEntity<String> refused = walk.tasklist.submit("olivia", scheduleTask, onSite(callDay, 60, "carl"));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) Json.read(refused.getBody(), "$.message")).contains(
                "Host on site: carl is not on the engagement",
                "Length (minutes): must be at least 70: the agenda's timeboxes take 70 minutes, with the visit of the operations");
        assertThat(review).isWaitingAt("userTask_scheduleCall");
        walk.tasklist.submitted("olivia", scheduleTask, onSite(callDay, 90, "peter"));

        String invite = jdbc.queryForList("select text_body from notification_outbox where kind = 'meeting-invite' and "
                + "engagement_id = ? and recipient_user_id = 'sam' and subject not like '%Kick-off%'", String.class,
                engagement.id()).get(0);
        assertThat(invite).contains("3. Visit of the operations: seeing the work first-hand — peter (30 min)",
                "On site, hosted by Peter Provider, who registers the visitors with the reception.", "For visitors: " + FOR_VISITORS);

        walk.answer("clara", "CONFIRM");
        walk.answer("peter", "CONFIRM");
        walk.answer("sam", "DECLINE");
        assertThat(review).isWaitingAt("timer_callTakesPlace", "userTask_registerVisitors");

        // The host's task: who comes, from which company, when; sam declined, peter is the host.
        String registerTask = walk.task("peter", "Register the visitors");
        String visitors = Json.read(walk.tasklist.open("peter", registerTask, "registerVisitorsForm"), "$.visitors.value");
        String arrival = PeopleDates.dayAndTime(callDay.atTime(9, 45), ReviewCallWalk.BERLIN);
        assertThat(visitors.lines()).contains("Clara Client | Litware Insurance | arrives " + arrival)
                .anyMatch(line -> line.startsWith("Olivia")).noneMatch(line -> line.contains("Sam") || line.contains("Peter"));
        assertThat((String) Json.read(walk.tasklist.submit("peter", registerTask, "{}").getBody(), "$.message"))
                .contains("is required: register the visitors with the reception first");
        walk.tasklist.submitted("peter", registerTask, "{\"visitorsRegistered\": {\"value\": true, \"type\": \"Boolean\"}, "
                + "\"visitorsNote\": {\"value\": \"Badges ready at desk 2, reference RB-118\"}}");
        assertThat(review).hasPassed("endEvent_visitorsRegistered").isWaitingAt("timer_callTakesPlace");

        // The call: the travel of each person, checked line by line.
        walk.callTakesPlace(review);
        String recordTask = walk.task("olivia", "Record the call");
        String variables = walk.tasklist.open("olivia", recordTask, "recordReviewCallForm");
        String attendance = ((String) Json.read(variables, "$.attendance.value")).lines()
                .map(line -> line.replaceFirst("^(\\S+) \\|  \\|", "$1 | ON_SITE |")).collect(java.util.stream.Collectors.joining("\n"));
        ResponseEntity<String> badTravel = walk.tasklist.submit("olivia", recordTask, record(attendance,
                "clara | 3 | 180\nzoe | 1 | 10\nolivia | two | 50"));
        assertThat((String) Json.read(badTravel.getBody(), "$.message")).contains("Travel (on site) line 2: user: zoe was not invited",
                "Travel (on site) line 3: hours: 'two' is not a number");
        walk.tasklist.submitted("olivia", recordTask, record(attendance, "clara | 3 | 180\nolivia | 5.5 | 6100"));

        String call = get(rest, "sam", "demo", engagement.path() + "/reviews/" + runtimeService.getVariable(review.getId(), "reviewId"))
                .getBody();
        assertThat(Json.<String>read(call, "$.onSite.host")).isEqualTo("peter");
        assertThat(Json.<String>read(call, "$.onSite.visitorsNote")).isEqualTo("Badges ready at desk 2, reference RB-118");
        assertThat(Json.<List<String>>read(call, "$.onSite.travel[*].userId")).containsExactly("clara", "olivia");
        String summary = get(rest, "olivia", "demo", engagement.path() + "/terms/1/summary").getBody();
        assertThat(Json.<Integer>read(summary, "$.travel.onSiteCalls")).isEqualTo(1);
        assertThat(Json.<Double>read(summary, "$.travel.cost")).isEqualTo(6280.0);
        assertThat(get(rest, "olivia", "demo", engagement.path() + "/terms/1/summary.html").getBody())
                .contains("Review calls on site: 1 call, travel recorded 8.5 hours and 6280 in cost.");

        // The next call's meeting-format decision is given what the last on-site call's travel cost.
        ProcessInstance next = walk.callDue();
        assertThat(visits.lastTravelCost((Long) runtimeService.getVariable(next.getId(), "reviewId"))).isEqualTo(6280.0);
    }

    private static String onSite(LocalDate day, int minutes, String host) {
        return """
                {"schedulingMode": {"value": "ONE_TIME"}, "callDate": {"value": "%s"}, "callTime": {"value": "10:00"},
                 "callMinutes": {"value": %d, "type": "Integer"}, "callFormat": {"value": "ON_PREMISES"},
                 "callHost": {"value": "%s"}, "callTravel": {"value": "%s"},
                 "operationsVisit": {"value": true, "type": "Boolean"}}""".formatted(day, minutes, host, FOR_VISITORS);
    }

    private static String record(String attendance, String travel) {
        return """
                {"attendance": {"value": %s}, "minutes": {"value": "Walked the claims floor; FTR discussed."},
                 "travel": {"value": %s}}""".formatted(Json.quote(attendance), Json.quote(travel));
    }
}
