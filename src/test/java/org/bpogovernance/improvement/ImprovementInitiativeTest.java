package org.bpogovernance.improvement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bpogovernance.testing.Http.exchange;
import static org.bpogovernance.testing.Http.get;
import static org.bpogovernance.testing.Http.postJson;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.bpogovernance.testing.Engagements;
import org.bpogovernance.testing.Engagements.Registered;
import org.bpogovernance.testing.FlowNodeCoverage;
import org.bpogovernance.testing.GovernanceTest;
import org.bpogovernance.testing.Json;
import org.bpogovernance.testing.Tasklist;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Improvement initiatives as both sides live them: proposed through the API or Tasklist's start
 * form, assessed by each side, decided at the tier initiative-triage chooses, piloted with
 * milestones and reviewed against the measured metric, adopted (everyone hears of the shared
 * achievement), extended, dropped, parked and revisited, rejected; bad input named and refused.
 * Together the tests visit every flow node of improvement-initiative.
 */
@GovernanceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImprovementInitiativeTest {

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
    void aProposalIsAssessedByBothSidesPilotedAndAdoptedAsASharedAchievement() {
        YearMonth thisMonth = YearMonth.from(today());
        Registered engagement = Engagements.register(rest, thisMonth.minusMonths(8).atDay(1), today().plusYears(2));
        Engagements.defineMetrics(rest, engagement, thisMonth.minusMonths(8).toString());
        Engagements.onboard(taskService, engagement);
        for (int back = 7; back >= 1; back--) {
            measureAht(engagement, thisMonth.minusMonths(back), back > 2 ? "340" : back == 2 ? "300" : "290");
        }

        ResponseEntity<String> proposed = postJson(rest, "peter", "demo", engagement.path() + "/initiatives", """
                {"title": "Callback instead of waiting", "problem": "Callers wait at peak hours",
                 "idea": "Offer a callback when the queue is longer than two minutes", "metricCode": "AHT",
                 "target": 300, "size": "SMALL", "effortDays": 5, "risk": "LOW"}""");
        assertThat(proposed.getStatusCode()).as(proposed.getBody()).isEqualTo(HttpStatus.CREATED);
        long id = ((Number) Json.read(proposed.getBody(), "$.initiative.id")).longValue();
        assertThat(((Number) Json.read(proposed.getBody(), "$.initiative.baseline")).intValue())
                .as("the baseline is the latest measurement").isEqualTo(290);
        assertThat((String) Json.read(proposed.getBody(), "$.initiative.proposedSide")).isEqualTo("PROVIDER");
        String key = "initiative:" + id;
        instances.add(instance(key));

        // Each side assesses; a view other than plain support says why.
        Tasklist tasklist = new Tasklist(rest);
        String clientTask = tasklist.taskOf("clara", key, "Assess as the client");
        String form = tasklist.open("clara", clientTask, "assessInitiativeForm");
        assertThat((String) Json.read(form, "$.initiativeSummary.value")).contains("Callback instead of waiting",
                "Proposed by peter (provider side)", "Expected benefit: AHT from 290 to 300", "Size small, 5 person-days, low risk");
        ResponseEntity<String> why = tasklist.submit("clara", clientTask, "{\"assessmentVerdict\": {\"value\": \"OPPOSE\"}}");
        assertThat(why.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) Json.read(why.getBody(), "$.message")).contains("is required unless you simply support it");
        ResponseEntity<String> inHerPlace = tasklist.submit("olivia", clientTask, "{\"assessmentVerdict\": {\"value\": \"SUPPORT\"}}");
        assertThat((String) Json.read(inHerPlace.getBody(), "$.message")).as("an officer may work the task, not speak for a side")
                .contains("only clara assesses for the client side");
        tasklist.submitted("clara", clientTask, "{\"assessmentVerdict\": {\"value\": \"SUPPORT\"}}");
        String providerTask = tasklist.taskOf("peter", key, "Assess as the provider");
        assertThat((String) Json.read(tasklist.open("peter", providerTask, "assessInitiativeForm"), "$.initiativeSummary.value"))
                .as("each side assesses on its own").contains("Callback instead of waiting").doesNotContain("support");
        tasklist.submitted("peter", providerTask, """
                {"assessmentVerdict": {"value": "SUPPORT_WITH_CHANGES"}, "assessmentComment": {"value": "Start with one queue"}}""");

        // Small, cheap and safe: the officer decides.
        String decide = tasklist.claim("olivia", key, "Decide on the initiative");
        String decideForm = tasklist.open("olivia", decide, "decideInitiativeForm");
        assertThat((String) Json.read(decideForm, "$.initiativeTierInWords.value")).isEqualTo("operational (the governance officer)");
        assertThat((String) Json.read(decideForm, "$.engagementPeople.value")).contains("peter — ");
        ResponseEntity<String> badPlan = tasklist.submit("olivia", decide, """
                {"initiativeDecisionChoice": {"value": "APPROVE"}, "pilotOwnerChoice": {"value": "carl"},
                 "pilotMilestones": {"value": "next week | one queue live\\n%s | all queues"},
                 "benefitsReviewDate": {"value": "%s"}}""".formatted(today().plusDays(90), today().plusDays(60)));
        assertThat(badPlan.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) Json.read(badPlan.getBody(), "$.message")).contains("Pilot owner", "carl is not",
                "line 1: starts with its date", "line 2: its date must lie between today and the benefits review");
        assertThat(status(engagement, id)).as("nothing decided").isEqualTo("AWAITING_DECISION");
        tasklist.submitted("olivia", decide, """
                {"initiativeDecisionChoice": {"value": "APPROVE"}, "pilotOwnerChoice": {"value": "peter — Peter Provider"},
                 "pilotMilestones": {"value": "%s | one queue live"}, "benefitsReviewDate": {"value": "%s"},
                 "decisionReason": {"value": "Worth a try on one queue"}}""".formatted(today().plusDays(10), today().plusDays(60)));
        String view = get(rest, "clara", "demo", engagement.path() + "/initiatives/" + id).getBody();
        assertThat((String) Json.read(view, "$.initiative.status")).isEqualTo("PILOT");
        assertThat((String) Json.read(view, "$.initiative.owner")).isEqualTo("peter");
        assertThat((String) Json.read(view, "$.initiative.decisionTier")).isEqualTo("OPERATIONAL");
        assertThat(managementService.createJobQuery().processInstanceId(instance(key)).activityId("timer_benefitsReviewDue")
                .singleResult().getDuedate().toInstant()).isEqualTo(today().plusDays(60).atTime(9, 0).atZone(BERLIN).toInstant());

        // Only the pilot's owner marks a milestone reached.
        long milestone = ((Number) Json.read(view, "$.milestones[0].id")).longValue();
        String reached = engagement.path() + "/initiatives/" + id + "/milestones/" + milestone + "/reached";
        assertThat(postJson(rest, "clara", "demo", reached, "{}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> byOwner = postJson(rest, "peter", "demo", reached, "{}");
        assertThat(byOwner.getStatusCode()).as(byOwner.getBody()).isEqualTo(HttpStatus.OK);
        assertThat((String) Json.read(byOwner.getBody(), "$.milestones[0].reachedOn")).isEqualTo(today().toString());
        assertThat(postJson(rest, "peter", "demo", reached, "{}").getStatusCode()).as("once").isEqualTo(HttpStatus.CONFLICT);

        // The pilot ran for the last two months: the review compares the three months before with those.
        jdbc.update("update improvement_initiative set pilot_start = ? where id = ?", thisMonth.minusMonths(2).atDay(1), id);
        managementService.executeJob(managementService.createJobQuery().processInstanceId(instance(key))
                .activityId("timer_benefitsReviewDue").singleResult().getId());
        String review = tasklist.taskOf("peter", key, "Review the benefits");
        assertThat((String) Json.read(tasklist.open("peter", review, "reviewInitiativeBenefitsForm"), "$.measuredBenefit.value"))
                .startsWith("AHT before the pilot (").contains("): 340; during the pilot (", "): 295; target 300.")
                .contains("one queue live — reached on");
        ResponseEntity<String> noLessons = tasklist.submit("peter", review, "{\"benefitsOutcomeChoice\": {\"value\": \"ADOPT\"}}");
        assertThat((String) Json.read(noLessons.getBody(), "$.message")).contains("Lessons learned: is required");
        tasklist.submitted("peter", review, """
                {"benefitsOutcomeChoice": {"value": "ADOPT"}, "lessonsLearned": {"value": "Callbacks need a named team"}}""");

        view = get(rest, "clara", "demo", engagement.path() + "/initiatives/" + id).getBody();
        assertThat((String) Json.read(view, "$.initiative.status")).isEqualTo("ADOPTED");
        assertThat(((Number) Json.read(view, "$.initiative.valueBefore")).intValue()).isEqualTo(340);
        assertThat(((Number) Json.read(view, "$.initiative.valueAfter")).intValue()).isEqualTo(295);
        assertThat((List<String>) Json.read(view, "$.history[*].event")).containsExactly("PROPOSED", "ASSESSED", "ASSESSED",
                "PUT_TO_TIER", "APPROVED", "MILESTONE_REACHED", "ADOPTED");
        assertThat((List<String>) Json.read(view, "$.assessments[*].verdict")).containsExactly("SUPPORT", "SUPPORT_WITH_CHANGES");
        assertThat(jdbc.queryForList("select recipient_user_id from notification_outbox where engagement_id = ? and kind = "
                + "'initiative-adopted' order by recipient_user_id", String.class, engagement.id()))
                .as("everyone on the engagement hears of the shared achievement").containsExactly("clara", "olivia", "peter");
        String timeline = get(rest, "clara", "demo", engagement.path() + "/timeline").getBody();
        assertThat((List<String>) Json.read(timeline, "$.events[?(@.category == 'IMPROVEMENT')].title"))
                .containsExactly("Initiative proposed", "Initiative approved", "Initiative adopted");
        assertThat((List<String>) Json.read(timeline, "$.events[?(@.action == 'INITIATIVE_ADOPTED')].summary"))
                .allMatch(summary -> summary.contains("a shared achievement; AHT 340 before the pilot, 295 during it (target 300)"));

        HttpHeaders csv = new HttpHeaders();
        csv.setBasicAuth("clara", "demo");
        csv.set(HttpHeaders.ACCEPT, "text/csv");
        String lines = rest.exchange(engagement.path() + "/initiatives", HttpMethod.GET, new HttpEntity<>(csv), String.class).getBody();
        assertThat(lines.lines().toList()).hasSize(2).last().asString()
                .startsWith(id + ",Callback instead of waiting,ADOPTED,peter,PROVIDER,").contains("Callbacks need a named team");
    }

    @Test
    void aLargeRiskyOneGoesToTheSponsorsWhoParkItThenRejectIt() {
        Registered engagement = operational();
        Engagements.addSponsor(rest, engagement);
        long id = propose(engagement, "clara", "LARGE", 80, "HIGH");
        String key = "initiative:" + id;
        assessBoth(key);

        Tasklist tasklist = new Tasklist(rest);
        String decide = tasklist.claim("sam", key, "Decide on the initiative");
        assertThat(taskService.createTaskQuery().taskId(decide).taskCandidateUser("clara").count())
                .as("the client representative does not decide an executive matter").isZero();
        ResponseEntity<String> noReason = tasklist.submit("sam", decide, """
                {"initiativeDecisionChoice": {"value": "PARK"}, "revisitDate": {"value": "%s"}}""".formatted(today().plusDays(30)));
        assertThat((String) Json.read(noReason.getBody(), "$.message")).contains("Reason", "is required when parking");
        ResponseEntity<String> pastDate = tasklist.submit("sam", decide, """
                {"initiativeDecisionChoice": {"value": "PARK"}, "revisitDate": {"value": "%s"}, "decisionReason": {"value": "x"}}"""
                .formatted(today().minusDays(1)));
        assertThat((String) Json.read(pastDate.getBody(), "$.message")).contains("Revisit on: must be after today");
        tasklist.submitted("sam", decide, """
                {"initiativeDecisionChoice": {"value": "PARK"}, "revisitDate": {"value": "%s"},
                 "decisionReason": {"value": "After the budget round"}}""".formatted(today().plusDays(30)));
        assertThat(status(engagement, id)).isEqualTo("PARKED");

        managementService.executeJob(managementService.createJobQuery().processInstanceId(instance(key))
                .activityId("timer_revisitDate").singleResult().getId());
        decide = tasklist.claim("sam", key, "Decide on the initiative");
        tasklist.submitted("sam", decide, """
                {"initiativeDecisionChoice": {"value": "REJECT"}, "decisionReason": {"value": "The budget went elsewhere"}}""");
        String view = get(rest, "peter", "demo", engagement.path() + "/initiatives/" + id).getBody();
        assertThat((String) Json.read(view, "$.initiative.status")).isEqualTo("REJECTED");
        assertThat((String) Json.read(view, "$.initiative.decisionTier")).isEqualTo("EXECUTIVE");
        assertThat((List<String>) Json.read(view, "$.history[*].event")).containsExactly("PROPOSED", "ASSESSED", "ASSESSED",
                "PUT_TO_TIER", "PARKED", "REVISITED", "REJECTED");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(key).count()).isZero();
    }

    @Test
    void aPilotIsExtendedThenDroppedWithWhatItTaught() {
        Registered engagement = operational();
        long id = propose(engagement, "peter", "MEDIUM", 12, "LOW");
        String key = "initiative:" + id;
        assessBoth(key);
        Tasklist tasklist = new Tasklist(rest);
        // A medium change: the two managers decide together; either records it.
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(key).taskName("Decide on the initiative")
                .taskCandidateUser("peter").count()).isOne();
        String decide = tasklist.claim("clara", key, "Decide on the initiative");
        tasklist.submitted("clara", decide, """
                {"initiativeDecisionChoice": {"value": "APPROVE"}, "pilotOwnerChoice": {"value": "clara"},
                 "pilotMilestones": {"value": "%s | first step"}, "benefitsReviewDate": {"value": "%s"}}"""
                .formatted(today().plusDays(5), today().plusDays(20)));
        LocalDate dayOfReview = today().plusDays(20);
        assertThat(jdbc.queryForObject("select count(*) from improvement_initiative where id = ? and benefits_review_date = ?",
                Long.class, id, dayOfReview)).isOne();

        managementService.executeJob(managementService.createJobQuery().processInstanceId(instance(key))
                .activityId("timer_benefitsReviewDue").singleResult().getId());
        String review = tasklist.taskOf("clara", key, "Review the benefits");
        assertThat((String) Json.read(tasklist.open("clara", review, "reviewInitiativeBenefitsForm"), "$.measuredBenefit.value"))
                .startsWith("No service metric named");
        ResponseEntity<String> noDate = tasklist.submit("clara", review, """
                {"benefitsOutcomeChoice": {"value": "EXTEND"}, "lessonsLearned": {"value": "Too early to tell"}}""");
        assertThat((String) Json.read(noDate.getBody(), "$.message")).contains("Next benefits review on: is required");
        tasklist.submitted("clara", review, """
                {"benefitsOutcomeChoice": {"value": "EXTEND"}, "newBenefitsReviewDate": {"value": "%s"},
                 "lessonsLearned": {"value": "Too early to tell"}}""".formatted(today().plusDays(45)));
        assertThat(managementService.createJobQuery().processInstanceId(instance(key)).activityId("timer_benefitsReviewDue")
                .singleResult().getDuedate().toInstant()).isEqualTo(today().plusDays(45).atTime(9, 0).atZone(BERLIN).toInstant());

        managementService.executeJob(managementService.createJobQuery().processInstanceId(instance(key))
                .activityId("timer_benefitsReviewDue").singleResult().getId());
        review = tasklist.taskOf("clara", key, "Review the benefits");
        tasklist.submitted("clara", review, """
                {"benefitsOutcomeChoice": {"value": "DROP"}, "lessonsLearned": {"value": "The queue was never the bottleneck"}}""");
        String view = get(rest, "peter", "demo", engagement.path() + "/initiatives/" + id).getBody();
        assertThat((String) Json.read(view, "$.initiative.status")).isEqualTo("DROPPED");
        assertThat((String) Json.read(view, "$.initiative.lessonsLearned")).isEqualTo("The queue was never the bottleneck");
        assertThat((List<String>) Json.read(view, "$.history[*].event")).endsWith("APPROVED", "EXTENDED", "DROPPED");
    }

    @Test
    void someoneProposesFromTasklistsStartFormForTheirOwnEngagementOnly() {
        Registered engagement = operational();
        String start = "/engine-rest/process-definition/key/improvement-initiative/submit-form";
        String clarasForm = get(rest, "clara", "demo", "/engine-rest/process-definition/key/improvement-initiative/deployed-start-form").getBody();
        assertThat((List<String>) Json.read(clarasForm, "$.components[?(@.key == 'contractReference')].values[*].value"))
                .as("the engagements clara is on, to choose from").contains(engagement.reference());
        String carlsForm = get(rest, "carl", "demo", "/engine-rest/process-definition/key/improvement-initiative/deployed-start-form").getBody();
        assertThat((List<Object>) Json.read(carlsForm, "$.components[?(@.key == 'contractReference')].values[*]")).isEmpty();

        String fields = """
                "initiativeTitle": {"value": "Shared glossary"}, "initiativeProblem": {"value": "Both sides name claims differently"},
                "initiativeIdea": {"value": "One glossary in the wiki"}, "initiativeSize": {"value": "SMALL"},
                "initiativeEffortDays": {"value": 2, "type": "Long"}, "initiativeRisk": {"value": "LOW"}""";
        ResponseEntity<String> notHers = postJson(rest, "carl", "demo", start, """
                {"variables": {"contractReference": {"value": "%s"}, %s}}""".formatted(engagement.reference(), fields));
        assertThat(notHers.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) Json.read(notHers.getBody(), "$.message")).contains("Engagement: names no engagement you are on");
        ResponseEntity<String> noTarget = postJson(rest, "clara", "demo", start, """
                {"variables": {"contractReference": {"value": "%s"}, "initiativeMetric": {"value": "FTR"}, %s}}"""
                .formatted(engagement.reference(), fields));
        assertThat((String) Json.read(noTarget.getBody(), "$.message")).contains("Target (with a metric): is required with a metric");
        ResponseEntity<String> sneaky = postJson(rest, "clara", "demo", start, """
                {"variables": {"contractReference": {"value": "%s"}, "initiativeTier": {"value": "OPERATIONAL"}, %s}}"""
                .formatted(engagement.reference(), fields));
        assertThat(sneaky.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat((String) Json.read(sneaky.getBody(), "$.message")).contains("not allowed: initiativeTier");
        assertThat(get(rest, "clara", "demo", engagement.path() + "/initiatives").getBody()).as("nothing recorded").isEqualTo("[]");

        ResponseEntity<String> started = postJson(rest, "clara", "demo", start, """
                {"variables": {"contractReference": {"value": "%s"}, %s}}""".formatted(engagement.reference(), fields));
        assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.OK);
        instances.add((String) Json.read(started.getBody(), "$.id"));
        String list = get(rest, "peter", "demo", engagement.path() + "/initiatives").getBody();
        assertThat((List<String>) Json.read(list, "$[*].title")).containsExactly("Shared glossary");
        assertThat((List<String>) Json.read(list, "$[*].proposedSide")).containsExactly("CLIENT");
        assertThat(new Tasklist(rest).tasksOf("peter", "initiative:" + Json.read(list, "$[0].id"))).hasSize(1);
    }

    @Test
    void aBadProposalIsRefusedNamingEachFieldAndAnOutsiderSeesNothing() {
        Registered engagement = operational();
        ResponseEntity<String> empty = postJson(rest, "clara", "demo", engagement.path() + "/initiatives", "{}");
        assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<String>) Json.read(empty.getBody(), "$.errors[*].field"))
                .containsExactlyInAnyOrder("title", "problem", "idea", "size", "risk", "effortDays");
        ResponseEntity<String> unknownMetric = postJson(rest, "clara", "demo", engagement.path() + "/initiatives", """
                {"title": "t", "problem": "p", "idea": "i", "metricCode": "NPS", "target": 50, "size": "SMALL",
                 "effortDays": 3, "risk": "LOW"}""");
        assertThat((String) Json.read(unknownMetric.getBody(), "$.errors[0].field")).isEqualTo("metricCode");
        assertThat((String) Json.read(unknownMetric.getBody(), "$.errors[0].message")).contains("[AHT, FTR]");
        ResponseEntity<String> wrongSize = postJson(rest, "clara", "demo", engagement.path() + "/initiatives", """
                {"title": "t", "problem": "p", "idea": "i", "size": "HUGE", "effortDays": 3, "risk": "LOW"}""");
        assertThat(wrongSize.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(wrongSize.getBody()).contains("size");
        assertThat(get(rest, "clara", "demo", engagement.path() + "/initiatives").getBody()).isEqualTo("[]");

        long id = propose(engagement, "clara", "SMALL", 2, "LOW");
        assertThat(get(rest, "carl", "demo", engagement.path() + "/initiatives").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get(rest, "carl", "demo", engagement.path() + "/initiatives/" + id).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(postJson(rest, "carl", "demo", engagement.path() + "/initiatives", "{}").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(exchange(rest, "carl", "demo", HttpMethod.GET, "/engine-rest/task?processInstanceBusinessKey=initiative:" + id, null)
                .getBody()).as("nor its tasks through the engine's API").isEqualTo("[]");
    }

    @AfterAll
    void everyFlowNodeOfImprovementInitiativeWasVisited() {
        assertThat(FlowNodeCoverage.unvisited(repositoryService, historyService, "improvement-initiative", instances)).isEmpty();
    }

    private Registered operational() {
        Registered engagement = Engagements.register(rest, today().minusMonths(2), today().plusYears(2));
        Engagements.defineMetrics(rest, engagement, YearMonth.from(today()).minusMonths(2).toString());
        Engagements.onboard(taskService, engagement);
        return engagement;
    }

    private long propose(Registered engagement, String by, String size, int effortDays, String risk) {
        ResponseEntity<String> proposed = postJson(rest, by, "demo", engagement.path() + "/initiatives", """
                {"title": "Try something %s", "problem": "A problem", "idea": "An idea", "size": "%s", "effortDays": %d,
                 "risk": "%s"}""".formatted(size.toLowerCase(), size, effortDays, risk));
        assertThat(proposed.getStatusCode()).as(proposed.getBody()).isEqualTo(HttpStatus.CREATED);
        long id = ((Number) Json.read(proposed.getBody(), "$.initiative.id")).longValue();
        instances.add(instance("initiative:" + id));
        return id;
    }

    private void assessBoth(String key) {
        Tasklist tasklist = new Tasklist(rest);
        tasklist.submitted("clara", tasklist.taskOf("clara", key, "Assess as the client"),
                "{\"assessmentVerdict\": {\"value\": \"SUPPORT\"}}");
        tasklist.submitted("peter", tasklist.taskOf("peter", key, "Assess as the provider"),
                "{\"assessmentVerdict\": {\"value\": \"SUPPORT\"}}");
    }

    private void measureAht(Registered engagement, YearMonth month, String aht) {
        ResponseEntity<String> sent = postJson(rest, "peter", "demo", engagement.path() + "/measurements", """
                [{"metric": "FTR", "period": "%s", "value": 98}, {"metric": "AHT", "period": "%1$s", "value": %s}]"""
                .formatted(month, aht));
        assertThat(sent.getStatusCode()).as(sent.getBody()).isEqualTo(HttpStatus.OK);
    }

    private String status(Registered engagement, long id) {
        return Json.read(get(rest, "olivia", "demo", engagement.path() + "/initiatives/" + id).getBody(), "$.initiative.status");
    }

    private String instance(String businessKey) {
        return historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey).singleResult().getId();
    }

    private static LocalDate today() {
        return LocalDate.now(BERLIN);
    }
}
