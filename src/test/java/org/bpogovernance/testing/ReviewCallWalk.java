package org.bpogovernance.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bpogovernance.testing.Http.postJson;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.bpogovernance.testing.Engagements.Registered;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/**
 * The people of a review call doing their part through Tasklist's API, and the engine's timers
 * fired by activity id: olivia (officer) prepares, schedules, records; clara (client representative)
 * and peter (provider manager) answer, sign and rate; sam (sponsor) is invited too.
 */
public final class ReviewCallWalk {

    public static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** A single monthly operational tier of 60 minutes. */
    public static final String MONTHLY = "[{\"tier\": \"OPERATIONAL\", \"cadence\": \"MONTHLY\", \"meetingMinutes\": 60}]";

    public final TestRestTemplate rest;
    public final Tasklist tasklist;
    public final RuntimeService runtimeService;
    public final ManagementService managementService;
    public final TaskService taskService;
    public Registered engagement;

    public ReviewCallWalk(TestRestTemplate rest, RuntimeService runtimeService, ManagementService managementService,
            TaskService taskService) {
        this.rest = rest;
        this.tasklist = new Tasklist(rest);
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.taskService = taskService;
    }

    /** An operational engagement with monthly calls, FTR and AHT from its start, sam as sponsor, begun three months ago. */
    public Registered operationalEngagement() {
        LocalDate termStart = LocalDate.now(BERLIN).withDayOfMonth(1).minusMonths(3);
        engagement = Engagements.register(rest, termStart, termStart.plusYears(3), MONTHLY);
        Engagements.addSponsor(rest, engagement);
        Engagements.defineMetrics(rest, engagement, YearMonth.from(termStart).toString());
        Engagements.onboard(taskService, engagement);
        return engagement;
    }

    public void measure(YearMonth period, double firstTimeRight, double handlingTime) {
        assertThat(postJson(rest, "peter", "demo", engagement.path() + "/measurements", """
                [{"metric": "FTR", "period": "%1$s", "value": %2$s}, {"metric": "AHT", "period": "%1$s", "value": %3$s}]"""
                .formatted(period, firstTimeRight, handlingTime)).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    public ProcessInstance operations() {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey("operational-governance")
                .processInstanceBusinessKey(engagement.reference()).singleResult();
    }

    public Job job(String processInstanceId, String activityId) {
        Job job = managementService.createJobQuery().processInstanceId(processInstanceId).activityId(activityId).singleResult();
        assertThat(job).as("job of " + activityId).isNotNull();
        return job;
    }

    /** Fires operational-governance's "Review call due" timer; the new milestone-review instance. */
    public ProcessInstance callDue() {
        List<String> before = reviewInstances();
        managementService.executeJob(job(operations().getId(), "timer_reviewCallDue").getId());
        List<String> after = reviewInstances();
        after.removeAll(before);
        assertThat(after).hasSize(1);
        return runtimeService.createProcessInstanceQuery().processInstanceId(after.get(0)).singleResult();
    }

    private List<String> reviewInstances() {
        return new java.util.ArrayList<>(runtimeService.createProcessInstanceQuery().processDefinitionKey("milestone-review")
                .processInstanceBusinessKey(engagement.reference()).list().stream().map(ProcessInstance::getId).toList());
    }

    public String task(String user, String name) {
        return tasklist.taskOf(user, engagement.reference(), name);
    }

    /** olivia takes the drafted agenda as it is. */
    public void prepareAgendaAsDrafted() {
        String task = task("olivia", "Prepare the agenda");
        String variables = tasklist.open("olivia", task, "prepareAgendaForm");
        tasklist.submitted("olivia", task, "{\"objectives\": {\"value\": \"Review the month, agree actions\"}, "
                + "\"agendaItems\": {\"value\": " + Json.quote(Json.read(variables, "$.agendaItems.value")) + "}}");
    }

    public void schedule(LocalDate day, String time, String format) {
        String task = task("olivia", "Schedule the review call");
        tasklist.open("olivia", task, "scheduleReviewCallForm");
        tasklist.submitted("olivia", task, """
                {"callDate": {"value": "%s"}, "callTime": {"value": "%s"}, "callMinutes": {"value": 60, "type": "Integer"},
                 "callFormat": {"value": "%s"}}""".formatted(day, time, format));
    }

    public void answer(String user, String response) {
        String task = task(user, "Confirm attendance");
        tasklist.open(user, task, "confirmAttendanceForm");
        tasklist.submitted(user, task, "{\"attendanceResponse\": {\"value\": \"" + response + "\"}}");
    }

    /**
     * Fires the "Call takes place" timer of the review, and on site the host's "Call begins" with
     * it (both are due when the call starts): visitors the host did not register by then stay unregistered.
     */
    public void callTakesPlace(ProcessInstance review) {
        managementService.executeJob(job(review.getId(), "timer_callTakesPlace").getId());
        Job callBegins = managementService.createJobQuery().processInstanceId(review.getId()).activityId("timer_callBegins")
                .singleResult();
        if (callBegins != null) {
            managementService.executeJob(callBegins.getId());
        }
    }

    /** olivia records the call: everyone's presence as suggested (remote where none is), the minutes, the action items. */
    public void record(String actionItemLines) {
        String task = task("olivia", "Record the call");
        String variables = tasklist.open("olivia", task, "recordReviewCallForm");
        String attendance = ((String) Json.read(variables, "$.attendance.value")).lines()
                .map(line -> line.replaceFirst("^(\\S+) \\|  \\|", "$1 | REMOTE |")).collect(java.util.stream.Collectors.joining("\n"));
        tasklist.submitted("olivia", task, """
                {"attendance": {"value": %s}, "minutes": {"value": "Performance discussed; FTR below target in two queues."},
                 "decisions": {"value": "Second-level checks in queue B from next week."},
                 "milestoneUpdates": {"value": %s}, "actionItems": {"value": %s}}"""
                .formatted(Json.quote(attendance), Json.quote(Json.read(variables, "$.milestoneUpdates.value")),
                        Json.quote(actionItemLines)));
    }

    public void signOff(String user, String decision, String reason, String nextStep) {
        String name = user.equals("clara") ? "Sign off the minutes (client)" : "Sign off the minutes (provider)";
        String task = task(user, name);
        tasklist.open(user, task, "signOffMinutesForm");
        tasklist.submitted(user, task, "{\"signOffDecision\": {\"value\": \"" + decision + "\"}"
                + (reason == null ? "" : ", \"signOffReason\": {\"value\": \"" + reason + "\"}")
                + (nextStep == null ? "" : ", \"signOffNextStep\": {\"value\": \"" + nextStep + "\"}") + "}");
    }

    /**
     * The next call from its timer to its rating: prepared as drafted, scheduled in the decided
     * format a few days ahead, everyone attends, one action for peter, both sign, clara rates it.
     */
    public ProcessInstance holdCall(int number, int satisfaction) {
        ProcessInstance review = callDue();
        prepareAgendaAsDrafted();
        String format = (String) runtimeService.getVariable(review.getId(), "meetingFormat");
        LocalDate callDay = LocalDate.now(BERLIN).plusDays(2 + number);
        schedule(callDay, "10:00", format);
        answer("clara", "CONFIRM");
        answer("peter", "CONFIRM");
        answer("sam", "CONFIRM");
        callTakesPlace(review);
        record(callDay.plusDays(14) + " | peter | Action of call " + number);
        signOff("clara", "APPROVE", null, null);
        signOff("peter", "APPROVE", null, null);
        tasklist.submitted("clara", task("clara", "Rate the review call"),
                "{\"satisfactionScore\": {\"value\": \"" + satisfaction + "\"}}");
        return review;
    }

    /** Two action items as the officer types them: due date | owner | action. */
    public static String actions(LocalDate due) {
        return due + " | peter | Add second-level checks to queue B\n"
                + due.plusDays(7) + " | clara | Share the root-cause analysis of the FTR dip\n";
    }
}
