package org.bpogovernance.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.bpogovernance.testing.Http.exchange;
import static org.bpogovernance.testing.Http.get;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.Optional;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bpogovernance.security.GovernanceGroups;
import org.bpogovernance.testing.Engagements;
import org.bpogovernance.testing.FlowNodeCoverage;
import org.bpogovernance.testing.GovernanceTest;
import org.bpogovernance.testing.Json;
import org.bpogovernance.testing.Mail;
import org.bpogovernance.testing.ReviewCallWalk;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
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
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The scheduling poll of a review call: the officer proposes slots, everyone answers each (in
 * Tasklist or with one click from the mail), the poll closes on its timer, and the best slot the
 * client representative and the provider manager can attend becomes the call; ties go to the
 * officer; without such a slot new slots once, then the officer picks the time. Together the tests
 * visit every flow node of the poll.
 */
@GovernanceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchedulingPollTest {

    /** The poll's nodes in milestone-review; MilestoneReviewProcessTest visits all the others. */
    static final Set<String> POLL_NODES = Set.of("gateway_scheduleRound", "gateway_howIsTimeFound", "subProcess_schedulingPoll",
            "startEvent_pollOpened", "gateway_pollRound", "userTask_answerPoll", "timer_pollCloses", "gateway_pollAnswersIn",
            "serviceTask_chooseSlot", "gateway_pollOutcome", "userTask_pickSlot", "endEvent_slotChosen", "endEvent_slotPicked",
            "gateway_roundLeft", "userTask_proposeNewSlots", "endEvent_noTimeFound", "gateway_timeFound",
            "serviceTask_scheduleChosenSlot", "gateway_callSet");
    static final String PASSWORD = "Kolkata-Ops-2026!";

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

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
    IdentityService identityService;

    @Autowired
    JdbcTemplate jdbc;

    ReviewCallWalk walk;
    final List<String> reviews = new ArrayList<>();

    @BeforeEach
    void newWalk() {
        AbstractAssertions.init(processEngine);
        walk = new ReviewCallWalk(rest, runtimeService, managementService, taskService);
    }

    @Test
    void everyoneAnswersTheSlotsAndTheBestOneTheQuorumCanAttendBecomesTheCall() throws Exception {
        var engagement = walk.operationalEngagement();
        // vikram works in Kolkata, 09:30 to 18:30: 16:00 in Berlin is evening for him
        String vikram = Engagements.person(identityService, "vikram-" + UUID.randomUUID().toString().substring(0, 6),
                GovernanceGroups.PROVIDER_MANAGERS, PASSWORD);
        assertThat(exchange(rest, vikram, PASSWORD, HttpMethod.PUT, "/api/me/profile", """
                {"timeZone": "Asia/Kolkata", "workStarts": "09:30", "workEnds": "18:30",
                 "workDays": ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"]}""").getStatusCode()).isEqualTo(HttpStatus.OK);
        Engagements.addStakeholder(rest, engagement, vikram, "PROVIDER", "SUBJECT_MATTER_EXPERT", 1);
        ProcessInstance review = callReadyToSchedule();

        // The form suggests slots inside everyone's working hours (vikram's too), on weekdays.
        String scheduleTask = walk.task("olivia", "Schedule the review call");
        String form = walk.tasklist.open("olivia", scheduleTask, "scheduleReviewCallForm");
        assertThat((String) Json.read(form, "$.schedulingMode.value")).isEqualTo("ONE_TIME");
        List<String> suggested = ((String) Json.read(form, "$.pollSlots.value")).lines().toList();
        assertThat(suggested).hasSize(3).allSatisfy(line -> assertThat(line).matches("\\d{4}-\\d\\d-\\d\\d \\| 10:00"));

        // Bad slots are named by their line, and nothing opens.
        LocalDate monday = LocalDate.now(ReviewCallWalk.BERLIN).plusDays(7).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        ResponseEntity<String> bad = walk.tasklist.submit("olivia", scheduleTask, poll(LocalDate.now().minusDays(1) + " | 10:00\n"
                + monday + " | 10:00\n" + monday + " | 10:30\nnext week | 10:00"));
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) Json.read(bad.getBody(), "$.message")).contains("line 1: ", "is in the past",
                "line 3: overlaps line 2: a 60-minute call cannot start at both", "line 4: 'next week | 10:00' is not a date and time");
        assertThat((String) Json.read(walk.tasklist.submit("olivia", scheduleTask, poll(monday + " | 10:00")).getBody(), "$.message"))
                .contains("propose 2 to 5 slots");
        assertThat(jdbc.queryForObject("select count(*) from review_poll p join review r on r.id = p.review_id "
                + "where r.engagement_id = ?", Integer.class, engagement.id())).isZero();
        assertThat(review).isWaitingAt("userTask_scheduleCall");

        walk.tasklist.submitted("olivia", scheduleTask, poll(monday + " | 10:00\n" + monday.plusDays(1) + " | 10:00\n"
                + monday.plusDays(1) + " | 16:00"));
        assertThat(review).isWaitingAt("userTask_answerPoll");
        assertThat(taskService.createTaskQuery().processInstanceId(review.getId()).taskName("Answer the scheduling poll").list())
                .extracting(task -> task.getAssignee()).containsExactlyInAnyOrder("clara", "peter", "sam", vikram);

        // vikram reads each slot in Berlin's time and his own; the evening one is flagged.
        String vikramsTask = taskService.createTaskQuery().processInstanceId(review.getId()).taskAssignee(vikram).singleResult().getId();
        await().atMost(Duration.ofSeconds(20)).until(() -> pollMail(vikram).isPresent());
        MimeMessage vikramsMail = pollMail(vikram).orElseThrow();
        String text = Mail.parts(vikramsMail, "text/plain").get(0);
        assertThat(text).contains("Slot 1: " + org.bpogovernance.platform.PeopleDates.dayAndTime(monday.atTime(10, 0),
                ReviewCallWalk.BERLIN) + "; for you 14:30 (Asia/Kolkata), 60 minutes\r\n")
                .containsPattern("Slot 3: .*16:00 \\(Europe/Berlin\\); for you \\d\\d:30 \\(Asia/Kolkata\\), 60 minutes — outside your working hours")
                .contains("Answer with one click", "Slot 2: if need be: http");

        // clara answers in Tasklist; an officer cannot answer in a person's place.
        String clarasTask = walk.task("clara", "Answer the scheduling poll");
        String claras = walk.tasklist.open("clara", clarasTask, "answerSchedulingPollForm");
        assertThat((String) Json.read(claras, "$.pollSlot3.value")).contains("16:00 (Europe/Berlin)");
        assertThat(Json.<Object>read(claras, "$.pollSlot4.value")).isNull();
        ResponseEntity<String> incomplete = walk.tasklist.submit("clara", clarasTask, answers("AVAILABLE", null, "SOMETIMES"));
        assertThat((String) Json.read(incomplete.getBody(), "$.message")).contains("Slot 2: your answer: is required",
                "Slot 3: your answer: must be AVAILABLE, IF_NEED_BE or NOT_AVAILABLE, not 'SOMETIMES'");
        ResponseEntity<String> inHerPlace = walk.tasklist.submit("olivia", clarasTask, answers("AVAILABLE", "AVAILABLE", "AVAILABLE"));
        assertThat((String) Json.read(inHerPlace.getBody(), "$.message")).contains("olivia cannot answer for clara");
        walk.tasklist.submitted("clara", clarasTask, answers("AVAILABLE", "IF_NEED_BE", "AVAILABLE"));

        // peter answers from his mail, one click per slot, logged in as himself; someone else's link answers nothing.
        // His task was passed to sam meanwhile: sam's mail for it has no links, and peter's still answer.
        List<String> petersLinks = links("peter", review);
        String petersTask = taskService.createTaskQuery().processInstanceId(review.getId()).taskAssignee("peter").singleResult().getId();
        taskService.setAssignee(petersTask, "sam");
        assertThat(jdbc.queryForObject("select text_body from notification_outbox where dedup_key = ?", String.class,
                "task-assigned:" + petersTask + ":sam")).contains("Answer the scheduling poll").doesNotContain("one click");
        ResponseEntity<String> someoneElses = get(rest, "sam", "demo", petersLinks.get(0).replaceFirst("^https?://[^/]+", ""));
        assertThat(someoneElses.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(someoneElses.getBody()).contains("this link was sent to someone else");
        ResponseEntity<String> outsider = get(rest, "carl", "demo", petersLinks.get(0).replaceFirst("^https?://[^/]+", ""));
        assertThat(outsider.getStatusCode()).as("someone of another engagement learns nothing").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get(rest, "carl", "demo", pollPath(review)).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(jdbc.queryForList("select count(*) from act_hi_varinst where text_ like '%token=%'", Integer.class))
                .as("the links' tokens are not kept in the engine").containsExactly(0);
        ResponseEntity<String> first = click("peter", petersLinks, 1, "AVAILABLE");
        assertThat(first.getBody()).contains("Your answer is recorded", "available", "not answered yet");
        assertThat(Json.<List<String>>read(get(rest, "olivia", "demo", pollPath(review)).getBody(), "$.rounds[0].notAnswered"))
                .as("the officer sees answers as they come in").containsExactlyInAnyOrder("peter", "sam", vikram);
        click("peter", petersLinks, 2, "NOT_AVAILABLE");
        assertThat(click("peter", petersLinks, 3, "AVAILABLE").getBody()).contains("You have answered every slot");
        assertThat(taskService.createTaskQuery().taskId(petersTask).count()).as("peter's poll task is done").isZero();

        // The poll closes before sam and vikram answer. Slots 1 and 3 suit clara and peter alike;
        // slot 3 is outside vikram's hours, so slot 1 is the call, and the invites go out.
        managementService.executeJob(walk.job(review.getId(), "timer_pollCloses").getId());
        assertThat(review).hasPassed("serviceTask_chooseSlot", "endEvent_slotChosen", "serviceTask_scheduleChosenSlot")
                .isWaitingAt("timer_callTakesPlace");
        String poll = get(rest, "peter", "demo", pollPath(review)).getBody();
        assertThat(Json.<String>read(poll, "$.rounds[0].status")).isEqualTo("CHOSEN");
        assertThat(Json.<Integer>read(poll, "$.rounds[0].chosenSlot")).isEqualTo(1);
        assertThat(Json.<List<Boolean>>read(poll, "$.rounds[0].slots[*].quorum")).containsExactly(true, false, true);
        assertThat(Json.<List<String>>read(poll, "$.rounds[0].slots[2].outsideWorkingHours")).containsExactly(vikram);
        String call = get(rest, "clara", "demo", walk.engagement.path() + "/reviews/" + reviewId(review)).getBody();
        assertThat(Json.<String>read(call, "$.status")).isEqualTo("SCHEDULED");
        assertThat(Json.<List<String>>read(call, "$.attendance[?(@.userId == 'peter')].response")).containsExactly("CONFIRMED");
        assertThat(Json.<List<String>>read(call, "$.attendance[?(@.userId == 'sam')].response")).containsExactly("INVITED");
        assertThat(jdbc.queryForList("select text_body from notification_outbox where kind = 'meeting-invite' and "
                + "engagement_id = ? and recipient_user_id = 'sam' and subject not like '%Kick-off%'", String.class, engagement.id()))
                .singleElement().asString().contains(org.bpogovernance.platform.PeopleDates.dayAndTime(monday.atTime(10, 0),
                        ReviewCallWalk.BERLIN));

        // After the deadline an answer is refused, in words.
        List<String> samsLinks = linksFromOutbox("sam", engagement.id());
        ResponseEntity<String> late = click("sam", samsLinks, 1, "AVAILABLE");
        assertThat(late.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(late.getBody()).contains("the poll closed on");
        assertThat(taskService.createTaskQuery().taskId(vikramsTask).count()).isZero();
    }

    @Test
    void tiedSlotsGoToTheOfficerAndWithoutAQuorumNewSlotsComeOnceThenTheOfficerPicksTheTime() {
        walk.operationalEngagement();
        ProcessInstance review = callReadyToSchedule();
        LocalDate monday = LocalDate.now(ReviewCallWalk.BERLIN).plusDays(7).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        walk.tasklist.submitted("olivia", walk.task("olivia", "Schedule the review call"),
                poll(monday + " | 10:00\n" + monday.plusDays(1) + " | 10:00"));

        // Round 1: clara cannot on Monday, peter not on Tuesday: no slot for the quorum.
        answer("clara", "NOT_AVAILABLE", "AVAILABLE");
        answer("peter", "AVAILABLE", "NOT_AVAILABLE");
        answer("sam", "AVAILABLE", "AVAILABLE");
        assertThat(review).hasPassed("gateway_roundLeft").isWaitingAt("userTask_proposeNewSlots");
        String newSlotsTask = walk.task("olivia", "Propose new slots");
        String form = walk.tasklist.open("olivia", newSlotsTask, "proposeNewSlotsForm");
        assertThat((String) Json.read(form, "$.pollTally.value")).contains("Slot 1: ", "1 not available", "the quorum cannot attend");
        assertThat(((String) Json.read(form, "$.pollSlots.value")).lines()).hasSize(3);
        assertThat((String) Json.read(walk.tasklist.submit("olivia", newSlotsTask, "{\"pollSlots\": {\"value\": \"" + monday
                + " | 10:00\"}}").getBody(), "$.message")).contains("propose 2 to 5 slots");

        // Round 2: everyone can on both: a tie, which the officer settles.
        walk.tasklist.submitted("olivia", newSlotsTask, "{\"pollSlots\": {\"value\": \"" + monday.plusDays(2) + " | 10:00\\n"
                + monday.plusDays(3) + " | 14:00\\n" + monday.plusDays(4) + " | 10:00\"}}");
        answer("clara", "AVAILABLE", "AVAILABLE", "NOT_AVAILABLE");
        answer("peter", "AVAILABLE", "AVAILABLE", "AVAILABLE");
        answer("sam", "AVAILABLE", "AVAILABLE", "AVAILABLE");
        assertThat(review).isWaitingAt("userTask_pickSlot");
        String pickTask = walk.task("olivia", "Pick the slot");
        assertThat((String) Json.read(walk.tasklist.open("olivia", pickTask, "pickPollSlotForm"), "$.pollTally.value"))
                .contains("Slot 2: ", "3 available", "the quorum can attend");
        assertThat((String) Json.read(walk.tasklist.submit("olivia", pickTask, "{\"pollChoice\": {\"value\": 7, \"type\": \"Integer\"}}")
                .getBody(), "$.message")).contains("choose one of slots 1 to 3");
        assertThat((String) Json.read(walk.tasklist.submit("olivia", pickTask, "{\"pollChoice\": {\"value\": 3, \"type\": \"Integer\"}}")
                .getBody(), "$.message")).contains("slot 3 does not suit both the client representative and the provider manager");
        walk.tasklist.submitted("olivia", pickTask, "{\"pollChoice\": {\"value\": 2, \"type\": \"Integer\"}}");
        assertThat(review).hasPassed("endEvent_slotPicked", "serviceTask_scheduleChosenSlot").isWaitingAt("timer_callTakesPlace");
        String poll = get(rest, "olivia", "demo", pollPath(review)).getBody();
        assertThat(Json.<List<String>>read(poll, "$.rounds[*].status")).containsExactly("NO_QUORUM", "CHOSEN");
        assertThat(Json.<String>read(poll, "$.rounds[1].chosenBy")).isEqualTo("olivia");
        assertThat(Json.<String>read(get(rest, "clara", "demo", walk.engagement.path() + "/reviews/" + reviewId(review)).getBody(),
                "$.call.startsAt")).startsWith(monday.plusDays(3) + "T14:00");

        // A second engagement: two rounds without a quorum, and the officer picks the time as usual.
        newWalk();
        walk.operationalEngagement();
        ProcessInstance another = callReadyToSchedule();
        walk.tasklist.submitted("olivia", walk.task("olivia", "Schedule the review call"),
                poll(monday + " | 10:00\n" + monday.plusDays(1) + " | 10:00"));
        answer("clara", "NOT_AVAILABLE", "NOT_AVAILABLE");
        managementService.executeJob(walk.job(another.getId(), "timer_pollCloses").getId());
        walk.tasklist.submitted("olivia", walk.task("olivia", "Propose new slots"), "{\"pollSlots\": {\"value\": \""
                + monday.plusDays(2) + " | 10:00\\n" + monday.plusDays(3) + " | 10:00\"}}");
        answer("peter", "NOT_AVAILABLE", "IF_NEED_BE");
        managementService.executeJob(walk.job(another.getId(), "timer_pollCloses").getId());
        assertThat(another).hasPassed("endEvent_noTimeFound", "gateway_timeFound", "gateway_scheduleRound")
                .isWaitingAt("userTask_scheduleCall");
        String scheduleTask = walk.task("olivia", "Schedule the review call");
        String again = walk.tasklist.open("olivia", scheduleTask, "scheduleReviewCallForm");
        assertThat((String) Json.read(again, "$.pollNote.value")).contains("found no slot", "in two rounds", "Slot 2: ");
        assertThat((String) Json.read(walk.tasklist.submit("olivia", scheduleTask, poll(monday.plusDays(4) + " | 10:00\n"
                + monday.plusDays(4) + " | 14:00")).getBody(), "$.message")).contains("pick one time");
        walk.schedule(monday.plusDays(4), "10:00", "REMOTE");
        assertThat(another).isWaitingAt("userTask_confirmAttendance");
    }

    @AfterAll
    void everyNodeOfThePollWasVisited() {
        assertThat(FlowNodeCoverage.unvisited(repositoryService, historyService, "milestone-review", reviews))
                .filteredOn(POLL_NODES::contains).isEmpty();
    }

    /** A monthly call of walk's engagement, its agenda prepared: at "Schedule the review call". */
    private ProcessInstance callReadyToSchedule() {
        walk.measure(YearMonth.now(ReviewCallWalk.BERLIN), 98.5, 290);
        ProcessInstance review = walk.callDue();
        reviews.add(review.getId());
        String agendaTask = walk.task("olivia", "Prepare the agenda");
        walk.tasklist.open("olivia", agendaTask, "prepareAgendaForm");
        walk.tasklist.submitted("olivia", agendaTask, "{\"objectives\": {\"value\": \"Review the month\"}, "
                + "\"agendaItems\": {\"value\": \"20 | olivia | Performance\\n20 | peter | Roadmap\"}}");
        assertThat(review).isWaitingAt("userTask_scheduleCall");
        return review;
    }

    private static String poll(String slots) {
        return """
                {"schedulingMode": {"value": "POLL"}, "pollSlots": {"value": %s}, "callMinutes": {"value": 60, "type": "Integer"},
                 "callFormat": {"value": "REMOTE"}, "callLink": {"value": "https://meet.example.org/review"}}"""
                .formatted(Json.quote(slots));
    }

    private static String answers(String... perSlot) {
        StringBuilder json = new StringBuilder("{");
        for (int n = 1; n <= perSlot.length; n++) {
            if (perSlot[n - 1] != null) {
                json.append(json.length() > 1 ? ", " : "").append("\"pollAnswer").append(n).append("\": {\"value\": \"")
                        .append(perSlot[n - 1]).append("\"}");
            }
        }
        return json.append('}').toString();
    }

    private void answer(String user, String... perSlot) {
        String task = walk.task(user, "Answer the scheduling poll");
        walk.tasklist.open(user, task, "answerSchedulingPollForm");
        walk.tasklist.submitted(user, task, answers(perSlot));
    }

    private String pollPath(ProcessInstance review) {
        return walk.engagement.path() + "/reviews/" + reviewId(review) + "/poll";
    }

    private Long reviewId(ProcessInstance review) {
        return (Long) runtimeService.getVariable(review.getId(), "reviewId");
    }

    /** The one-click links of the user's own poll task, from the mail queued for it (not one of a task passed to them). */
    private List<String> links(String user, ProcessInstance review) {
        return linksFromOutbox(user, walk.engagement.id());
    }

    private List<String> linksFromOutbox(String user, Long engagementId) {
        String mail = jdbc.queryForList("select text_body from notification_outbox where kind = 'task-assigned' and "
                + "engagement_id = ? and recipient_user_id = ? and subject like '%scheduling poll%' order by id desc",
                String.class, engagementId, user).stream().filter(text -> text.contains("/polls/")).findFirst().orElseThrow();
        List<String> links = new ArrayList<>();
        Matcher link = Pattern.compile("(https?://\\S+/polls/\\S+)").matcher(mail);
        while (link.find()) {
            links.add(link.group(1));
        }
        return links;
    }

    private Optional<MimeMessage> pollMail(String user) {
        return Mail.to(smtp.getReceivedMessages(), user + "@people.example").stream()
                .filter(mail -> Mail.subject(mail).contains("Answer the scheduling poll")).findFirst();
    }

    /** Opens the link of the slot and answer, logged in as the user. */
    private ResponseEntity<String> click(String user, List<String> links, int slot, String answer) {
        String url = links.stream().filter(link -> link.contains("slot=" + slot + "&answer=" + answer + "&")).findFirst().orElseThrow();
        return get(rest, user, "demo", url.replaceFirst("^https?://[^/]+", ""));
    }
}
