package org.bpogovernance.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bpogovernance.testing.Http.get;
import static org.bpogovernance.testing.Http.postJson;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.bpogovernance.testing.Engagements;
import org.bpogovernance.testing.Engagements.Registered;
import org.bpogovernance.testing.Json;
import org.bpogovernance.testing.ServiceProcess;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Engagements taken to a review call and the call worked to its end, all over HTTP as the
 * people would (Tasklist's engine-rest calls; the administrator fires the timers). Every step
 * reads the process's state first, so a walk can be broken off at any point (a killed service)
 * and taken up again.
 */
final class ReviewCallsOverHttp {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final String ADMIN_PASSWORD = "admin-test-password";
    static final String MONTHLY = "[{\"tier\": \"OPERATIONAL\", \"cadence\": \"MONTHLY\", \"meetingMinutes\": 60}]";

    /** What each person enters in each task of onboarding and of a review call, in engine-rest's shape. */
    static final Map<String, String> FORM_VALUES = Map.ofEntries(
            Map.entry("userTask_registerVisitors", "{\"visitorsRegistered\": {\"value\": true, \"type\": \"Boolean\"}}"),
            Map.entry("userTask_scheduleKickOff", """
                    {"kickOffDate": {"value": "%s"}, "kickOffTime": {"value": "10:00"}, "kickOffFormat": {"value": "REMOTE"}}"""
                    .formatted(LocalDate.now(BERLIN).plusDays(7))),
            Map.entry("userTask_agreeWaysOfWorking", """
                    {"communicationChannels": {"value": "[\\"EMAIL\\"]"}, "reportingCadence": {"value": "MONTHLY"},
                     "escalationProtocol": {"value": "Project lead, then delivery managers, then sponsors"}}"""),
            Map.entry("userTask_confirmStakeholderMap", "{\"stakeholderMapConfirmed\": {\"value\": true, \"type\": \"Boolean\"}}"),
            Map.entry("userTask_signCharterAsClient", "{\"charterDecision\": {\"value\": \"APPROVE\"}}"),
            Map.entry("userTask_signCharterAsProvider", "{\"charterDecision\": {\"value\": \"APPROVE\"}}"),
            Map.entry("userTask_prepareAgenda", """
                    {"objectives": {"value": "Review the month"}, "agendaItems": {"value": "5 | olivia | Welcome and objectives\\n20 | peter | Performance against the service levels\\n10 | olivia | Decisions and actions"}}"""),
            Map.entry("userTask_scheduleCall", """
                    {"callDate": {"value": "%s"}, "callTime": {"value": "10:00"}, "callMinutes": {"value": 60, "type": "Integer"},
                     "callFormat": {"value": "REMOTE"}}""".formatted(LocalDate.now(BERLIN).plusDays(5))),
            Map.entry("userTask_confirmAttendance", "{\"attendanceResponse\": {\"value\": \"CONFIRM\"}}"),
            Map.entry("userTask_recordCall", """
                    {"attendance": {"value": "clara | REMOTE\\npeter | REMOTE\\nsam | REMOTE"}, "minutes": {"value": "Discussed the month"},
                     "actionItems": {"value": "%s | peter | Follow up the exceptions"}}""".formatted(LocalDate.now(BERLIN).plusDays(30))),
            Map.entry("userTask_signOffAsClient", "{\"signOffDecision\": {\"value\": \"APPROVE\"}}"),
            Map.entry("userTask_signOffAsProvider", "{\"signOffDecision\": {\"value\": \"APPROVE\"}}"),
            Map.entry("userTask_rateCall", "{\"satisfactionScore\": {\"value\": \"4\"}}"));

    private ReviewCallsOverHttp() {
    }

    /** An onboarded engagement with monthly calls, sam as sponsor, last month's data delivered. */
    static Registered operationalEngagement(TestRestTemplate rest) {
        LocalDate termStart = LocalDate.now(BERLIN).withDayOfMonth(1).minusMonths(3);
        Registered engagement = Engagements.register(rest, termStart, termStart.plusYears(3), MONTHLY);
        Engagements.addSponsor(rest, engagement);
        Engagements.defineMetrics(rest, engagement, YearMonth.from(termStart).toString());
        ResponseEntity<String> measured = postJson(rest, "peter", "demo", engagement.path() + "/measurements", """
                [{"metric": "FTR", "period": "%1$s", "value": 98.5}, {"metric": "AHT", "period": "%1$s", "value": 290}]"""
                .formatted(YearMonth.now(BERLIN)));
        assertThat(measured.getStatusCode()).as(measured.getBody()).isEqualTo(HttpStatus.OK);
        String onboarding = instance(rest, "engagement-onboarding", engagement.reference());
        while (workOpenTasks(rest, onboarding) > 0) {
            // the next task appears as the previous one is completed
        }
        kickOffHeld(rest, onboarding);
        return engagement;
    }

    /** The charter is signed before the kick-off, a week ahead: time passes to it, and onboarding completes. */
    static void kickOffHeld(TestRestTemplate rest, String onboarding) {
        for (int attempt = 0; attempt < 50; attempt++) {
            List<String> timers = Json.read(get(rest, "admin", ADMIN_PASSWORD, "/engine-rest/job?processInstanceId="
                    + onboarding + "&activityId=timer_operationsBegin").getBody(), "$[*].id");
            if (!timers.isEmpty()) {
                ResponseEntity<String> fired = postJson(rest, "admin", ADMIN_PASSWORD, "/engine-rest/job/" + timers.get(0)
                        + "/execute", null);
                assertThat(fired.getStatusCode()).as(fired.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
                return;
            }
            ServiceProcess.sleep(Duration.ofMillis(200)); // the charter's check runs as a job after both signatures
        }
        throw new AssertionError("onboarding " + onboarding + " never waited for its kick-off");
    }

    /** Fires operational-governance's "Review call due" timer; the new review call's process instance id. */
    static String reviewCallDue(TestRestTemplate rest, Registered engagement) {
        String operations = instance(rest, "operational-governance", engagement.reference());
        List<String> jobs = Json.read(get(rest, "admin", ADMIN_PASSWORD, "/engine-rest/job?processInstanceId=" + operations
                + "&activityId=timer_reviewCallDue").getBody(), "$[*].id");
        assertThat(jobs).hasSize(1);
        ResponseEntity<String> fired = postJson(rest, "admin", ADMIN_PASSWORD, "/engine-rest/job/" + jobs.get(0) + "/execute", null);
        assertThat(fired.getStatusCode()).as(fired.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        return instance(rest, "milestone-review", engagement.reference());
    }

    /**
     * One step of a review call: its open tasks completed by their assignees, or, when none is
     * open, its "Call takes place" timer fired. False when the process has ended.
     */
    static boolean step(TestRestTemplate rest, String processInstanceId) {
        if (workOpenTasks(rest, processInstanceId) > 0) {
            return true;
        }
        List<String> timers = Json.read(get(rest, "admin", ADMIN_PASSWORD, "/engine-rest/job?processInstanceId="
                + processInstanceId + "&activityId=timer_callTakesPlace").getBody(), "$[*].id");
        if (!timers.isEmpty()) {
            ResponseEntity<String> fired = postJson(rest, "admin", ADMIN_PASSWORD, "/engine-rest/job/" + timers.get(0) + "/execute", null);
            assertThat(fired.getStatusCode()).as(fired.getBody()).isIn(HttpStatus.NO_CONTENT, HttpStatus.NOT_FOUND);
            return true;
        }
        ResponseEntity<String> instance = get(rest, "admin", ADMIN_PASSWORD, "/engine-rest/history/process-instance/" + processInstanceId);
        assertThat(instance.getStatusCode()).as(instance.getBody()).isEqualTo(HttpStatus.OK);
        String state = Json.read(instance.getBody(), "$.state");
        if ("ACTIVE".equals(state)) {
            ServiceProcess.sleep(Duration.ofMillis(100)); // an asynchronous step is on its way
            return true;
        }
        assertThat(state).as("review call " + processInstanceId).isEqualTo("COMPLETED");
        return false;
    }

    /** Completes every open task of the process instance as its assignee; how many there were. */
    private static int workOpenTasks(TestRestTemplate rest, String processInstanceId) {
        String tasks = get(rest, "admin", ADMIN_PASSWORD, "/engine-rest/task?processInstanceId=" + processInstanceId).getBody();
        List<String> ids = Json.read(tasks, "$[*].id");
        List<String> keys = Json.read(tasks, "$[*].taskDefinitionKey");
        List<String> assignees = Json.read(tasks, "$[*].assignee");
        for (int i = 0; i < ids.size(); i++) {
            String values = FORM_VALUES.get(keys.get(i));
            assertThat(values).as("form values for " + keys.get(i)).isNotNull();
            String user = assignees.get(i) == null ? "olivia" : assignees.get(i);
            ResponseEntity<String> submitted = postJson(rest, user, "demo", "/engine-rest/task/" + ids.get(i) + "/submit-form",
                    "{\"variables\": " + values + "}");
            // 409: completed by the request whose answer a crash swallowed
            assertThat(submitted.getStatusCode()).as(keys.get(i) + ": " + submitted.getBody())
                    .isIn(HttpStatus.NO_CONTENT, HttpStatus.CONFLICT);
        }
        return ids.size();
    }

    /** The one running instance of the process for the business key, waiting briefly for it to start. */
    static String instance(TestRestTemplate rest, String processKey, String businessKey) {
        for (int attempt = 0; attempt < 50; attempt++) {
            List<String> ids = Json.read(get(rest, "admin", ADMIN_PASSWORD, "/engine-rest/process-instance?processDefinitionKey="
                    + processKey + "&businessKey=" + businessKey).getBody(), "$[*].id");
            if (ids.size() == 1) {
                return ids.get(0);
            }
            assertThat(ids).as(processKey + " of " + businessKey).hasSizeLessThanOrEqualTo(1);
            ServiceProcess.sleep(Duration.ofMillis(200));
        }
        throw new AssertionError("no running " + processKey + " for " + businessKey);
    }
}
