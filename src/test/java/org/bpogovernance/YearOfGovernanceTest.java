package org.bpogovernance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.bpogovernance.testing.Http.get;
import static org.bpogovernance.testing.Http.postJson;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.bpogovernance.platform.PeopleDates;
import org.bpogovernance.testing.Engagements.Registered;
import org.bpogovernance.testing.Engagements;
import org.bpogovernance.testing.GovernanceTest;
import org.bpogovernance.testing.Json;
import org.bpogovernance.testing.Mail;
import org.bpogovernance.testing.Renewals;
import org.bpogovernance.testing.SimulatedClock;
import org.bpogovernance.testing.Tasklist;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One engagement's year on the engine's own clock, moved from timer to timer as the job executor
 * would see them: registered and onboarded in January 2028; twelve monthly operational calls, four
 * quarterly management and two half-yearly executive calls, each from its preparation at 09:00
 * to its rating; action items done on time and one that goes overdue, whose escalation nobody
 * answers until it has climbed to the steering committee; the renewal window with its alerts, the
 * notice date passed undecided, the renewal. Each mail is asserted at the simulated moment it was
 * queued (the outbox records it; the message names its outbox entry), each task's due date, and
 * the record afterwards. Its own service (the mail server is on a port of its own) in its own JVM,
 * because the engine's clock is the whole JVM's.
 */
@GovernanceTest
@Tag("own-jvm")
class YearOfGovernanceTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final LocalDate TERM_START = LocalDate.of(2028, 1, 1);
    static final LocalDate TERM_END = LocalDate.of(2029, 8, 28);
    static final LocalDate NOTICE_DATE = TERM_END.minusDays(90);
    static final YearMonth OVERDUE_MONTH = YearMonth.of(2028, 5);
    static final Map<String, LocalTime> CALL_TIMES = Map.of("OPERATIONAL", LocalTime.of(10, 0),
            "MANAGEMENT", LocalTime.of(13, 0), "EXECUTIVE", LocalTime.of(15, 30));
    static final DateTimeFormatter ICS_LOCAL_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    static final String OUTBOX_MESSAGE_ID = "<outbox-%d@bpo-governance>";

    static final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    @DynamicPropertySource
    static void mailServerOfItsOwn(DynamicPropertyRegistry registry) {
        if (!smtp.isRunning()) {
            smtp.start();
        }
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    }

    @Autowired
    TestRestTemplate rest;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    ManagementService managementService;

    @Autowired
    JdbcTemplate jdbc;

    SimulatedClock clock;
    Tasklist tasklist;
    Registered engagement;
    Instant renewedAt;

    /** Who was mailed what, read from GreenMail by the outbox entry each message names. */
    record Sent(long id, String kind, String user, String subject, Instant queuedAt, String dedupKey) {
    }

    @AfterEach
    void theEngineGetsItsClockBack() {
        SimulatedClock.reset();
    }

    @AfterAll
    static void stopMailServer() {
        smtp.stop();
    }

    @Test
    void oneEngagementsYear() {
        long started = System.nanoTime();
        clock = new SimulatedClock(managementService, taskService, List.of(Duration.ofDays(2), Duration.ofHours(4)));
        tasklist = new Tasklist(rest);
        clock.startAt(at(LocalDate.of(2028, 1, 3), "08:00"));
        clock.runDueJobs();

        onboarding();
        List<ProcessInstance> calls = new ArrayList<>();
        for (YearMonth reviewed = YearMonth.of(2028, 1); !reviewed.isAfter(YearMonth.of(2028, 12)); reviewed = reviewed.plusMonths(1)) {
            calls.addAll(monthOfCalls(reviewed));
        }
        assertThat(calls).as("12 monthly, 4 quarterly, 2 half-yearly calls").hasSize(18);
        renewalWindow();
        theRecordAfterwards();
        everyMailQueuedWasDelivered();
        System.out.printf("A year of governance: the clock stopped %d times, %d jobs ran, %d mails went out, in %d s%n",
                clock.stops(), clock.jobsExecuted(), sentOf(null, null).size(),
                Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }

    // ---- January: registered and onboarded -----------------------------------------------------

    private void onboarding() {
        engagement = Engagements.register(rest, TERM_START, TERM_END);
        Engagements.addSponsor(rest, engagement);
        clock.runDueJobs();
        ZonedDateTime registered = at(LocalDate.of(2028, 1, 3), "08:00");
        Task kickOff = Renewals.task(taskService, engagement.reference(), "userTask_scheduleKickOff");
        assertThat(kickOff.getAssignee()).isEqualTo("olivia");
        assertDue(kickOff, registered.plusDays(5));
        assertMailed("task-assigned", "olivia", "Schedule the kick-off", registered, registered);

        clock.runUntil(at(LocalDate.of(2028, 1, 3), "10:00"));
        complete("olivia", kickOff, "scheduleKickOffForm", """
                {"kickOffDate": {"value": "2028-01-10"}, "kickOffTime": {"value": "10:00"}, "kickOffFormat": {"value": "REMOTE"}}""");
        invitesWentOut(at(LocalDate.of(2028, 1, 10), "10:00"), at(LocalDate.of(2028, 1, 3), "10:00"));
        Task waysOfWorking = Renewals.task(taskService, engagement.reference(), "userTask_agreeWaysOfWorking");
        assertDue(waysOfWorking, at(LocalDate.of(2028, 1, 13), "10:00"));

        clock.runUntil(at(LocalDate.of(2028, 1, 10), "14:00"));
        Engagements.defineMetrics(rest, engagement, "2028-01");
        Engagements.agreeWaysOfWorkingAndStakeholderMap(taskService, engagement.reference());
        ZonedDateTime sentForSignature = at(LocalDate.of(2028, 1, 10), "14:00");
        for (String signer : List.of("clara", "peter")) {
            Task sign = single(taskService.createTaskQuery().processInstanceBusinessKey(engagement.reference())
                    .taskAssignee(signer).taskNameLike("Sign the onboarding charter%").list());
            assertDue(sign, sentForSignature.plusDays(5));
        }

        // Nobody signs for three days: the two-day reminder comes on the quarter-hour after it falls due.
        clock.runUntil(at(LocalDate.of(2028, 1, 14), "11:00"));
        ZonedDateTime reminderDue = sentForSignature.plusDays(3);
        assertMailed("task-reminder", "clara", "Sign the onboarding charter (client)", reminderDue, reminderDue.plusMinutes(15));
        assertMailed("task-reminder", "peter", "Sign the onboarding charter (provider)", reminderDue, reminderDue.plusMinutes(15));
        for (String key : List.of("userTask_signCharterAsClient", "userTask_signCharterAsProvider")) {
            taskService.complete(Renewals.task(taskService, engagement.reference(), key).getId(), Map.of("charterDecision", "APPROVE"));
        }
        clock.runDueJobs();
        assertThat((String) Json.read(get(rest, "clara", "demo", engagement.path()).getBody(), "$.phase"))
                .isEqualTo("OPERATIONAL");
    }

    // ---- a month of calls ------------------------------------------------------------------------

    /** The calls reviewing {@code reviewed}: prepared on the 1st of the next month, held on the 11th, signed, rated, followed up. */
    private List<ProcessInstance> monthOfCalls(YearMonth reviewed) {
        LocalDate first = reviewed.plusMonths(1).atDay(1);
        clock.runUntil(at(first, "08:00"));
        assertThat(postJson(rest, "peter", "demo", engagement.path() + "/measurements", """
                [{"metric": "FTR", "period": "%1$s", "value": 98.5}, {"metric": "AHT", "period": "%1$s", "value": 290}]"""
                .formatted(reviewed)).getStatusCode()).isEqualTo(HttpStatus.OK);

        ZonedDateTime preparation = at(first, "09:00");
        Set<String> before = reviewInstances();
        clock.runUntil(preparation);
        List<ProcessInstance> calls = runtimeService.createProcessInstanceQuery().processDefinitionKey("milestone-review")
                .processInstanceBusinessKey(engagement.reference()).list().stream()
                .filter(call -> !before.contains(call.getId())).toList();
        Map<String, ProcessInstance> byTier = calls.stream()
                .collect(Collectors.toMap(call -> (String) runtimeService.getVariable(call.getId(), "reviewTier"), call -> call));
        assertThat(byTier.keySet()).as("calls prepared on " + first).isEqualTo(tiersDue(reviewed));
        for (ProcessInstance call : calls) {
            Task prepare = taskIn(call, "userTask_prepareAgenda");
            assertThat(prepare.getCreateTime().toInstant()).as("preparation starts at 09:00 engagement time")
                    .isEqualTo(preparation.toInstant());
            assertDue(prepare, preparation.plusDays(3));
        }
        assertThat(sentOf("task-assigned", "olivia")).filteredOn(sent -> sent.subject().contains("Prepare the agenda")
                && sent.queuedAt().equals(preparation.toInstant())).hasSize(calls.size());

        ZonedDateTime scheduling = at(first, "10:00");
        clock.runUntil(scheduling);
        Map<ProcessInstance, ZonedDateTime> callStarts = new HashMap<>();
        for (String tier : List.of("OPERATIONAL", "MANAGEMENT", "EXECUTIVE")) {
            ProcessInstance call = byTier.get(tier);
            if (call != null) {
                callStarts.put(call, prepareAndSchedule(call, tier, first.plusDays(10)));
            }
        }
        for (ZonedDateTime starts : callStarts.values()) {
            invitesWentOut(starts, scheduling);
        }

        clock.runUntil(at(first.plusDays(1), "09:00"));
        for (ProcessInstance call : calls) {
            for (String invitee : List.of("clara", "peter", "sam")) {
                Task answer = single(taskService.createTaskQuery().processInstanceId(call.getId())
                        .taskDefinitionKey("userTask_confirmAttendance").taskAssignee(invitee).list());
                assertDue(answer, callStarts.get(call).minusHours(24));
                complete(invitee, answer, "confirmAttendanceForm", "{\"attendanceResponse\": {\"value\": \"CONFIRM\"}}");
            }
        }

        List<ProcessInstance> held = callStarts.entrySet().stream().sorted(Map.Entry.comparingByValue()).map(Map.Entry::getKey).toList();
        for (ProcessInstance call : held) {
            ZonedDateTime starts = callStarts.get(call);
            clock.runUntil(starts);
            Task record = taskIn(call, "userTask_recordCall");
            assertThat(record.getCreateTime().toInstant()).as("the call takes place").isEqualTo(starts.toInstant());
            assertDue(record, starts.plusDays(2));
            clock.runUntil(starts.plusHours(1));
            record(call, actionItems(reviewed, starts.toLocalDate(), call == byTier.get("OPERATIONAL")));
        }

        clock.runUntil(at(first.plusDays(11), "09:00"));
        for (ProcessInstance call : held) {
            complete("clara", taskIn(call, "userTask_signOffAsClient"), "signOffMinutesForm",
                    "{\"signOffDecision\": {\"value\": \"APPROVE\"}}");
            complete("peter", taskIn(call, "userTask_signOffAsProvider"), "signOffMinutesForm",
                    "{\"signOffDecision\": {\"value\": \"APPROVE\"}}");
        }
        clock.runUntil(at(first.plusDays(11), "10:00"));
        for (ProcessInstance call : held) {
            complete("clara", taskIn(call, "userTask_rateCall"), "rateReviewCallForm", "{\"satisfactionScore\": {\"value\": \"4\"}}");
        }

        if (reviewed.equals(OVERDUE_MONTH)) {
            anActionItemGoesOverdueAndItsEscalationClimbs(first.plusDays(10).plusDays(3));
        }
        peterDoesHisActionsTheDayBefore(first.plusDays(10).plusDays(14));
        return calls;
    }

    private ZonedDateTime prepareAndSchedule(ProcessInstance call, String tier, LocalDate suggestedDay) {
        Task prepare = taskIn(call, "userTask_prepareAgenda");
        String agenda = tasklist.open("olivia", prepare.getId(), "prepareAgendaForm");
        tasklist.submitted("olivia", prepare.getId(), "{\"objectives\": {\"value\": \"Review the period, agree actions\"}, "
                + "\"agendaItems\": {\"value\": " + Json.quote(Json.read(agenda, "$.agendaItems.value")) + "}}");
        Task schedule = taskIn(call, "userTask_scheduleCall");
        String suggested = tasklist.open("olivia", schedule.getId(), "scheduleReviewCallForm");
        assertThat((String) Json.read(suggested, "$.callDate.value")).as("ten days after preparation began")
                .isEqualTo(suggestedDay.toString());
        LocalTime time = CALL_TIMES.get(tier);
        tasklist.submitted("olivia", schedule.getId(), """
                {"callDate": {"value": "%s"}, "callTime": {"value": "%s"}, "callMinutes": {"value": %s, "type": "Integer"},
                 "callFormat": {"value": "%s"}}""".formatted(suggestedDay, time, Json.read(suggested, "$.callMinutes.value"),
                Json.read(suggested, "$.callFormat.value")));
        return ZonedDateTime.of(suggestedDay, time, BERLIN);
    }

    private void invitesWentOut(ZonedDateTime starts, ZonedDateTime scheduled) {
        for (String stakeholder : List.of("olivia", "clara", "peter", "sam")) {
            assertThat(sentOf("meeting-invite", stakeholder).stream()
                    .filter(sent -> sent.queuedAt().equals(scheduled.toInstant()))
                    .map(sent -> startOf(delivered(sent))))
                    .as("the invite to " + stakeholder + ", sent as the call was scheduled")
                    .contains("DTSTART;TZID=Europe/Berlin:" + starts.toLocalDateTime().format(ICS_LOCAL_TIME));
        }
    }

    private void record(ProcessInstance call, String actionItemLines) {
        Task record = taskIn(call, "userTask_recordCall");
        String variables = tasklist.open("olivia", record.getId(), "recordReviewCallForm");
        String attendance = ((String) Json.read(variables, "$.attendance.value")).lines()
                .map(line -> line.replaceFirst("^(\\S+) \\|  \\|", "$1 | REMOTE |")).collect(Collectors.joining("\n"));
        tasklist.submitted("olivia", record.getId(), """
                {"attendance": {"value": %s}, "minutes": {"value": "Service on target; the month reviewed."},
                 "decisions": {"value": "Keep the staffing plan."},
                 "milestoneUpdates": {"value": %s}, "actionItems": {"value": %s}}"""
                .formatted(Json.quote(attendance), Json.quote(Json.read(variables, "$.milestoneUpdates.value")),
                        Json.quote(actionItemLines)));
    }

    /** One action for peter a fortnight after each call; in the operational call reviewing May also one for clara, due in three days. */
    private static String actionItems(YearMonth reviewed, LocalDate callDay, boolean operational) {
        String lines = callDay.plusDays(14) + " | peter | Follow up the " + reviewed + " review\n";
        if (reviewed.equals(OVERDUE_MONTH) && operational) {
            lines += callDay.plusDays(3) + " | clara | Share the root-cause analysis of the " + reviewed + " backlog\n";
        }
        return lines;
    }

    private void peterDoesHisActionsTheDayBefore(LocalDate due) {
        ZonedDateTime dueAt = at(due, "17:00");
        clock.runUntil(at(due.minusDays(1), "10:00"));
        List<Task> actions = taskService.createTaskQuery().processDefinitionKey("action-item-follow-up")
                .processInstanceBusinessKey(engagement.reference()).taskAssignee("peter").list();
        assertThat(actions).as("peter's actions due " + due).isNotEmpty();
        for (Task action : actions) {
            assertDue(action, dueAt);
            assertMailed("task-reminder", "peter", action.getId(), dueAt.minusDays(2), dueAt.minusDays(2).plusMinutes(15));
            complete("peter", action, "completeActionItemForm", """
                    {"actionItemOutcome": {"value": "DONE"}, "completionNote": {"value": "Done and shared"}}""");
        }
    }

    // ---- June: an action item goes overdue; its escalation climbs unanswered --------------------

    private void anActionItemGoesOverdueAndItsEscalationClimbs(LocalDate due) {
        ZonedDateTime dueAt = at(due, "17:00");
        Task action = single(taskService.createTaskQuery().processDefinitionKey("action-item-follow-up")
                .processInstanceBusinessKey(engagement.reference()).taskAssignee("clara").list());
        assertDue(action, dueAt);

        clock.runUntil(dueAt.plusMinutes(30));
        assertMailed("task-reminder", "clara", action.getId(), dueAt.minusDays(2), dueAt.minusDays(2).plusMinutes(15));
        assertMailed("task-reminder", "clara", action.getId(), dueAt.minusHours(4), dueAt.minusHours(4).plusMinutes(15));
        assertMailed("action-overdue", "sam", "Action item overdue: clara", dueAt, dueAt);
        assertMailed("task-overdue", "clara", action.getId(), dueAt, dueAt.plusMinutes(15));
        assertThat(escalations()).as("within the grace period").isEmpty();

        ZonedDateTime graceOver = dueAt.plusDays(3);
        clock.runUntil(graceOver);
        List<Map<String, Object>> raised = escalations();
        assertThat(raised).hasSize(1);
        assertThat(raised.get(0)).containsEntry("trigger", "OVERDUE_ACTION").containsEntry("severity", "MEDIUM")
                .containsEntry("level", 1);
        assertThat(Instant.parse((String) raised.get(0).get("raisedAt"))).isEqualTo(graceOver.toInstant());
        long escalationId = ((Number) raised.get(0).get("id")).longValue();

        ZonedDateTime levelOpened = graceOver;
        for (int level : new int[] {1, 2, 3, 3}) {
            Task respond = single(taskService.createTaskQuery().processDefinitionKey("escalation")
                    .processInstanceBusinessKey("action:" + actionItemOf(action) + ":" + due).list());
            assertThat(respond.getName()).isEqualTo("Respond to the escalation (level " + level + ")");
            assertThat(respond.getCreateTime().toInstant()).isEqualTo(levelOpened.toInstant());
            assertDue(respond, levelOpened.plusDays(2));
            List<String> told = switch (level) {
                case 1 -> List.of("olivia");
                case 2 -> List.of("clara", "peter");
                default -> List.of("sam");
            };
            for (String person : told) {
                assertMailed("task-assigned", person, respond.getId(), levelOpened, levelOpened);
            }
            if (level == 3 && levelOpened.isAfter(graceOver.plusDays(4))) {
                break;
            }
            levelOpened = levelOpened.plusDays(2);
            clock.runUntil(levelOpened);
        }
        assertThat(escalation(escalationId, "$.escalation.level")).isEqualTo(3);

        // The steering committee answers the second asking; clara's item is done, late.
        clock.runUntil(levelOpened.plusHours(16));
        ResponseEntity<String> resolved = postJson(rest, "sam", "demo", engagement.path() + "/escalations/" + escalationId
                + "/resolve", "{\"resolution\": \"RESOLVED\", \"note\": \"Root-cause analysis owed by Friday, agreed with clara\"}");
        assertThat(resolved.getStatusCode()).as(resolved.getBody()).isEqualTo(HttpStatus.OK);
        clock.runUntil(levelOpened.plusHours(17));
        complete("clara", action, "completeActionItemForm", """
                {"actionItemOutcome": {"value": "DONE"}, "completionNote": {"value": "Analysis shared, late"}}""");
    }

    // ---- the renewal window ------------------------------------------------------------------------

    private void renewalWindow() {
        ZonedDateTime notice = at(NOTICE_DATE, "09:00");
        ZonedDateTime opens = notice.minusDays(120);
        clock.runUntil(opens.minusMinutes(1));
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("renewal-review")
                .processInstanceBusinessKey(engagement.reference()).count()).isZero();
        clock.runUntil(opens);
        Task decide = Renewals.task(taskService, engagement.reference(), "userTask_decideRenewal");
        assertThat(decide.getCreateTime().toInstant()).isEqualTo(opens.toInstant());
        assertDue(decide, notice);
        assertThat(Tasklist.candidates(taskService, decide)).contains("user sam", "user olivia");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("operational-governance")
                .processInstanceBusinessKey(engagement.reference()).count()).as("no calls after the window opens").isZero();

        for (int lead : new int[] {120, 90, 60, 30}) {
            ZonedDateTime alert = notice.minusDays(lead);
            clock.runUntil(alert);
            for (String decider : List.of("olivia", "sam")) {
                assertMailed("renewal-alert", decider, "Renewal decision due by " + PeopleDates.day(NOTICE_DATE), alert, alert);
            }
        }
        assertThat(sentOf("renewal-alert", "sam")).as("one alert per lead time").hasSize(4);

        clock.runUntil(notice.minusMinutes(1));
        assertThat(escalations()).hasSize(1);
        assertMailed("task-reminder", "sam", decide.getId(), notice.minusDays(2), notice.minusDays(2).plusMinutes(15));
        clock.runUntil(notice.plusMinutes(30));
        List<Map<String, Object>> undecided = escalations().stream()
                .filter(escalation -> "RENEWAL_UNDECIDED".equals(escalation.get("trigger"))).toList();
        assertThat(undecided).hasSize(1);
        assertThat(undecided.get(0)).containsEntry("severity", "CRITICAL").containsEntry("level", 3);
        assertThat(Instant.parse((String) undecided.get(0).get("raisedAt"))).isEqualTo(notice.toInstant());
        assertMailed("task-overdue", "sam", decide.getId(), notice, notice.plusMinutes(15));
        Task steeringCommittee = single(taskService.createTaskQuery().processDefinitionKey("escalation")
                .processInstanceBusinessKey("renewal:" + engagement.id() + ":1").list());
        assertDue(steeringCommittee, notice.plusHours(8));
        assertMailed("task-assigned", "sam", steeringCommittee.getId(), notice, notice);

        // The steering committee renews that morning; the decision settles the escalation and ends its ladder.
        clock.runUntil(notice.plusHours(2));
        String decision = tasklist.claim("sam", engagement.reference(), "Decide on renewal");
        tasklist.open("sam", decision, "decideRenewalForm");
        renewedAt = clock.now();
        tasklist.submitted("sam", decision, """
                {"renewalDecision": {"value": "RENEW"}, "renewalRationale": {"value": "A good year: on target, actions followed through"},
                 "newTermStart": {"value": "%s"}, "newTermEnd": {"value": "%s"}, "newNoticePeriodDays": {"value": 90, "type": "Integer"}}"""
                .formatted(TERM_END.plusDays(1), TERM_END.plusYears(1)));
        long undecidedId = ((Number) undecided.get(0).get("id")).longValue();
        String settled = get(rest, "olivia", "demo", engagement.path() + "/escalations/" + undecidedId).getBody();
        assertThat((String) Json.read(settled, "$.escalation.status")).isEqualTo("RESOLVED");
        assertThat((String) Json.read(settled, "$.escalation.resolutionNote")).isEqualTo("the renewal was decided: RENEW by sam");
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey("renewal:" + engagement.id() + ":1").count())
                .as("the steering committee is not asked again").isZero();
        clock.runUntil(notice.plusDays(1));
    }

    // ---- the record ----------------------------------------------------------------------------------

    private void theRecordAfterwards() {
        List<Map<String, Object>> reviews = Json.read(get(rest, "olivia", "demo", engagement.path() + "/reviews").getBody(), "$");
        assertThat(reviews).as("the renewal decided late resumes the calls with the current month, none caught up at once")
                .hasSize(18);
        List<Map<String, Object>> year = reviews.subList(0, 18);
        assertThat(year).extracting(review -> review.get("status")).containsOnly("SIGNED_OFF");
        assertThat(year).extracting(review -> review.get("satisfactionScore")).containsOnly(4);
        assertThat(year).filteredOn(review -> review.get("tier").equals("OPERATIONAL")).extracting(review -> review.get("period"))
                .containsExactly("2028-01", "2028-02", "2028-03", "2028-04", "2028-05", "2028-06", "2028-07", "2028-08",
                        "2028-09", "2028-10", "2028-11", "2028-12");
        assertThat(year).filteredOn(review -> review.get("tier").equals("MANAGEMENT")).extracting(review -> review.get("period"))
                .containsExactly("2028-01 to 2028-03", "2028-04 to 2028-06", "2028-07 to 2028-09", "2028-10 to 2028-12");
        assertThat(year).filteredOn(review -> review.get("tier").equals("EXECUTIVE")).extracting(review -> review.get("period"))
                .containsExactly("2028-01 to 2028-06", "2028-07 to 2028-12");

        String actions = get(rest, "olivia", "demo", engagement.path() + "/action-items").getBody();
        assertThat((List<String>) Json.read(actions, "$[*].status")).hasSize(19).containsOnly("DONE");
        assertThat((List<String>) Json.read(actions, "$[?(@.owner == 'clara')].completionNote"))
                .containsExactly("Analysis shared, late");

        List<Map<String, Object>> escalations = escalations();
        assertThat(escalations).extracting(e -> e.get("trigger")).containsExactlyInAnyOrder("OVERDUE_ACTION", "RENEWAL_UNDECIDED");
        assertThat(escalations).extracting(e -> e.get("status")).containsOnly("RESOLVED");
        long overdue = escalations.stream().filter(e -> e.get("trigger").equals("OVERDUE_ACTION"))
                .map(e -> ((Number) e.get("id")).longValue()).findFirst().orElseThrow();
        String ladder = get(rest, "olivia", "demo", engagement.path() + "/escalations/" + overdue).getBody();
        assertThat((List<String>) Json.read(ladder, "$.steps[*].event")).containsExactly("RAISED", "OPENED_AT_LEVEL",
                "TIME_LIMIT_PASSED", "MOVED_UP", "OPENED_AT_LEVEL", "TIME_LIMIT_PASSED", "MOVED_UP", "OPENED_AT_LEVEL",
                "TIME_LIMIT_PASSED", "OPENED_AT_LEVEL", "RESOLVED");
        assertThat((List<Integer>) Json.read(ladder, "$.steps[*].level")).containsExactly(1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3);
        List<Instant> stepTimes = ((List<String>) Json.read(ladder, "$.steps[*].occurredAt")).stream().map(Instant::parse).toList();
        Instant raised = stepTimes.get(0);
        assertThat(stepTimes).containsExactly(raised, raised, raised.plus(Duration.ofDays(2)), raised.plus(Duration.ofDays(2)),
                raised.plus(Duration.ofDays(2)), raised.plus(Duration.ofDays(4)), raised.plus(Duration.ofDays(4)),
                raised.plus(Duration.ofDays(4)), raised.plus(Duration.ofDays(6)), raised.plus(Duration.ofDays(6)),
                raised.plus(Duration.ofDays(6)).plus(Duration.ofHours(16)));

        String audit = get(rest, "olivia", "demo", engagement.path() + "/audit?size=1000").getBody();
        List<Map<String, Object>> entries = Json.read(audit, "$.content");
        List<ZonedDateTime> callsStarted = entries.stream().filter(e -> e.get("action").equals("REVIEW_STARTED"))
                .map(e -> OffsetDateTime.parse((String) e.get("occurredAt")).atZoneSameInstant(BERLIN))
                .filter(when -> when.toInstant().isBefore(renewedAt)).toList();
        assertThat(callsStarted).hasSize(18).allSatisfy(when -> {
            assertThat(when.getDayOfMonth()).isOne();
            assertThat(when.toLocalTime()).isEqualTo(LocalTime.of(9, 0));
        });
        assertThat(entries.stream().filter(e -> e.get("action").equals("RENEWAL_ALERT"))
                .map(e -> Instant.parse((String) e.get("occurredAt"))).sorted().toList()).containsExactly(
                at(NOTICE_DATE.minusDays(120), "09:00").toInstant(), at(NOTICE_DATE.minusDays(90), "09:00").toInstant(),
                at(NOTICE_DATE.minusDays(60), "09:00").toInstant(), at(NOTICE_DATE.minusDays(30), "09:00").toInstant());
        assertThat(sentOf("onboarding-overrun", null)).as("onboarded within its 30 days").isEmpty();
        String renewals = get(rest, "olivia", "demo", engagement.path() + "/renewals").getBody();
        assertThat((List<String>) Json.read(renewals, "$[*].decision")).containsExactly("RENEW");
        assertThat((List<String>) Json.read(renewals, "$[*].decidedBy")).containsExactly("sam");
        String engagementNow = get(rest, "clara", "demo", engagement.path()).getBody();
        assertThat((Integer) Json.read(engagementNow, "$.termNumber")).isEqualTo(2);
    }

    private void everyMailQueuedWasDelivered() {
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(*) from notification_outbox where status in ('PENDING', 'SENDING')", Long.class) == 0);
        List<Sent> all = sentOf(null, null);
        assertThat(jdbc.queryForObject("select count(*) from notification_outbox", Long.class))
                .as("every mail names its engagement").isEqualTo(all.size());
        Set<String> received = new HashSet<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            try {
                received.add(message.getMessageID());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        assertThat(all).allSatisfy(sent -> assertThat(received).contains(OUTBOX_MESSAGE_ID.formatted(sent.id())));
    }

    // ---- helpers -------------------------------------------------------------------------------------

    private static ZonedDateTime at(LocalDate day, String time) {
        return ZonedDateTime.of(day, LocalTime.parse(time), BERLIN);
    }

    private static Set<String> tiersDue(YearMonth reviewed) {
        Set<String> tiers = new HashSet<>(Set.of("OPERATIONAL"));
        if (reviewed.getMonthValue() % 3 == 0) {
            tiers.add("MANAGEMENT");
        }
        if (reviewed.getMonthValue() % 6 == 0) {
            tiers.add("EXECUTIVE");
        }
        return tiers;
    }

    private Set<String> reviewInstances() {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey("milestone-review")
                .processInstanceBusinessKey(engagement.reference()).list().stream().map(ProcessInstance::getId)
                .collect(Collectors.toSet());
    }

    private Task taskIn(ProcessInstance call, String taskDefinitionKey) {
        return single(taskService.createTaskQuery().processInstanceId(call.getId()).taskDefinitionKey(taskDefinitionKey).list());
    }

    private void complete(String user, Task task, String formId, String variables) {
        tasklist.open(user, task.getId(), formId);
        tasklist.submitted(user, task.getId(), variables);
        clock.runDueJobs();
    }

    private void assertDue(Task task, ZonedDateTime due) {
        assertThat(task.getDueDate()).as("due date of " + task.getName()).isNotNull();
        assertThat(task.getDueDate().toInstant()).as("due date of " + task.getName()).isEqualTo(due.toInstant());
    }

    private long actionItemOf(Task action) {
        return ((Number) runtimeService.getVariable(action.getProcessInstanceId(), "actionItemId")).longValue();
    }

    private List<Map<String, Object>> escalations() {
        return Json.read(get(rest, "olivia", "demo", engagement.path() + "/escalations").getBody(), "$");
    }

    private Object escalation(long id, String path) {
        return Json.read(get(rest, "olivia", "demo", engagement.path() + "/escalations/" + id).getBody(), path);
    }

    /**
     * The one mail of the kind to the person whose subject or dedup key names {@code about}, queued
     * between {@code from} and {@code to} (both included) and received by the mail server.
     */
    private void assertMailed(String kind, String user, String about, ZonedDateTime from, ZonedDateTime to) {
        List<Sent> matching = sentOf(kind, user).stream()
                .filter(sent -> sent.subject().contains(about) || sent.dedupKey().contains(":" + about + ":")).toList();
        assertThat(matching).as(kind + " to " + user + " about " + about + " queued between " + from + " and " + to)
                .filteredOn(sent -> !sent.queuedAt().isBefore(from.toInstant()) && !sent.queuedAt().isAfter(to.toInstant()))
                .hasSize(1);
        delivered(matching.stream().filter(sent -> !sent.queuedAt().isBefore(from.toInstant())
                && !sent.queuedAt().isAfter(to.toInstant())).findFirst().orElseThrow());
    }

    /** The outbox entries of this engagement (of the kind, to the person; null for any), in the order they were queued. */
    private List<Sent> sentOf(String kind, String user) {
        List<Object> arguments = new java.util.ArrayList<>(List.of(engagement.id()));
        String where = "where engagement_id = ?";
        if (kind != null) {
            where += " and kind = ?";
            arguments.add(kind);
        }
        if (user != null) {
            where += " and recipient_user_id = ?";
            arguments.add(user);
        }
        return jdbc.query("select id, kind, recipient_user_id, subject, created_at, dedup_key from notification_outbox "
                + where + " order by id",
                (row, n) -> new Sent(row.getLong("id"), row.getString("kind"), row.getString("recipient_user_id"),
                        row.getString("subject"), row.getObject("created_at", OffsetDateTime.class).toInstant(),
                        row.getString("dedup_key")),
                arguments.toArray());
    }

    /** The message the mail server received for the outbox entry (its Message-ID names the entry). */
    private MimeMessage delivered(Sent sent) {
        String messageId = OUTBOX_MESSAGE_ID.formatted(sent.id());
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (MimeMessage message : smtp.getReceivedMessages()) {
                if (messageId.equals(message.getMessageID())) {
                    return message;
                }
            }
            return null;
        }, message -> message != null);
    }

    private static String startOf(MimeMessage invite) {
        VEvent event = (VEvent) Mail.calendar(invite).getComponent(Component.VEVENT).orElseThrow();
        return event.getProperty(Property.DTSTART).orElseThrow().toString().strip();
    }

    private static <T> T single(List<T> items) {
        assertThat(items).hasSize(1);
        return items.get(0);
    }
}
