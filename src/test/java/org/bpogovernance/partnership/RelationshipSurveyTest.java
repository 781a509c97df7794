package org.bpogovernance.partnership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bpogovernance.testing.Http.exchange;
import static org.bpogovernance.testing.Http.get;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.bpogovernance.testing.Engagements;
import org.bpogovernance.testing.Engagements.Registered;
import org.bpogovernance.testing.FlowNodeCoverage;
import org.bpogovernance.testing.GovernanceTest;
import org.bpogovernance.testing.Json;
import org.bpogovernance.testing.ReviewCallWalk;
import org.bpogovernance.testing.Tasklist;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricFormField;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The relationship survey as both sides live it: the operational phase opens a round twice a
 * year, each side's people rate the relationship without their names (not even in the engine's
 * history), the round closes when everyone answered or its time is up, and a wide gap between the
 * sides goes on the next management call's agenda, the portfolio's filter and the term summary.
 * Together the tests visit every flow node of relationship-survey.
 */
@GovernanceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RelationshipSurveyTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final String MANAGEMENT_MONTHLY = "[{\"tier\": \"MANAGEMENT\", \"cadence\": \"MONTHLY\", \"meetingMinutes\": 60}]";

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

    final List<String> instances = new ArrayList<>();

    @Test
    void bothSidesRateTheRelationshipWithoutTheirNamesAndAWideGapGoesOnTheNextManagementCall() {
        ReviewCallWalk walk = new ReviewCallWalk(rest, runtimeService, managementService, taskService);
        LocalDate termStart = today().withDayOfMonth(1).minusMonths(3);
        walk.engagement = Engagements.register(rest, termStart, termStart.plusYears(3), MANAGEMENT_MONTHLY);
        Registered engagement = walk.engagement;
        Engagements.addSponsor(rest, engagement);
        Engagements.onboard(taskService, engagement);

        // The operational phase asks twice a year, counted from the term's start, at 09:00 in Berlin.
        Job due = walk.job(walk.operations().getId(), "timer_relationshipSurveyDue");
        assertThat(LocalDateTime.ofInstant(due.getDuedate().toInstant(), BERLIN)).isEqualTo(termStart.plusMonths(6).atTime(9, 0));
        String survey = surveyDue(walk);

        // Everyone of either side is asked; the officer is neither.
        Tasklist tasklist = new Tasklist(rest);
        String key = "relationship-survey:" + engagement.id();
        String clara = tasklist.taskOf("clara", key, "Rate the relationship");
        String sam = tasklist.taskOf("sam", key, "Rate the relationship");
        String peter = tasklist.taskOf("peter", key, "Rate the relationship");
        assertThat(taskService.createTaskQuery().processInstanceId(survey).list()).hasSize(3);
        assertThat((String) Json.read(tasklist.open("clara", clara, "rateRelationshipForm"), "$.surveyIntroduction.value"))
                .contains("for the client side about the relationship and Northwind BPO", "never with your name",
                        "2 of your side are asked");
        assertThat((String) Json.read(tasklist.open("peter", peter, "rateRelationshipForm"), "$.surveyIntroduction.value"))
                .contains("for the provider side about the relationship and Litware Insurance", "the only one of your side");

        // A rating out of range or left out is named and refused; nothing is kept.
        ResponseEntity<String> outOfRange = tasklist.submit("clara", clara, answer(7, 2, 3, 2, 2, null));
        assertThat(outOfRange.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) Json.read(outOfRange.getBody(), "$.message"))
                .contains("Alignment on metrics and ways of working", "must be from 1 (poor) to 5 (excellent), not 7");
        ResponseEntity<String> leftOut = tasklist.submit("clara", clara,
                "{\"anonymousAlignment\": {\"value\": \"2\"}, \"anonymousCommunication\": {\"value\": \"2\"}}");
        assertThat(leftOut.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) Json.read(leftOut.getBody(), "$.message")).contains("Partnership mindset", "is required");
        ResponseEntity<String> forSomeoneElse = tasklist.submit("sam", clara, answer(5, 5, 5, 5, 5, null));
        assertThat(forSomeoneElse.getStatusCode().is2xxSuccessful()).as("sam answers only for himself").isFalse();
        ResponseEntity<String> officerInHerPlace = tasklist.submit("olivia", clara, answer(5, 5, 5, 5, 5, null));
        assertThat(officerInHerPlace.getStatusCode()).as("an officer may open any task, not answer for a person")
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) Json.read(officerInHerPlace.getBody(), "$.message")).contains("Only clara", "who was asked");
        assertThat(Json.<Integer>read(health("peter", engagement), "$.rounds[0].clientAnswered")).isZero();

        tasklist.submitted("clara", clara, answer(2, 2, 3, 2, 2, "Escalations drag on for weeks"));
        assertThat(Json.<Object>read(health("clara", engagement), "$.rounds[0].index"))
                .as("no figures while the round is open: the first answers would tell who gave them").isNull();
        tasklist.submitted("sam", sam, answer(3, 2, 3, 3, 2, null));
        tasklist.submitted("peter", peter, answer(4, 4, 4, 5, 4, "Good collaboration on the new queue"));
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(survey).singleResult()).isNull();

        // Client 2.4, provider 4.2: an index of 3.3 and the sides 1.8 apart, which is a wide gap.
        String health = health("peter", engagement);
        assertThat(Json.<Double>read(health, "$.index")).isEqualTo(3.3);
        assertThat(Json.<Double>read(health, "$.gap")).isEqualTo(1.8);
        assertThat(Json.<Boolean>read(health, "$.atRisk")).isTrue();
        assertThat(Json.<String>read(health, "$.trend")).isEqualTo("NOT_ENOUGH_DATA");
        assertThat(Json.<Double>read(health, "$.rounds[0].clientIndex")).isEqualTo(2.4);
        assertThat(Json.<Double>read(health, "$.rounds[0].providerIndex")).isEqualTo(4.2);
        assertThat(Json.<Integer>read(health, "$.rounds[0].clientAnswered")).isEqualTo(2);
        assertThat(Json.<List<String>>read(health, "$.rounds[0].comments[?(@.side == 'CLIENT')].text"))
                .containsExactly("Escalations drag on for weeks");
        assertThat(Json.<String>read(health, "$.rounds[0].dimensions[1].name")).isEqualTo("Open and honest communication");
        assertThat(health).as("no answer carries a name").doesNotContain("clara", "sam", "\"peter");

        // Not in the engine's history either: Cockpit's history shows who had a task, never what they answered.
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(survey).list())
                .noneMatch(variable -> variable.getName().startsWith("anonymous"));
        assertThat(historyService.createHistoricDetailQuery().processInstanceId(survey).variableUpdates().list())
                .noneMatch(detail -> ((HistoricVariableUpdate) detail).getVariableName().startsWith("anonymous"));
        assertThat(historyService.createHistoricDetailQuery().processInstanceId(survey).formFields().list())
                .noneMatch(field -> ((HistoricFormField) field).getFieldId().startsWith("anonymous"));

        // The timeline, the portfolio's filter and the term summary show it.
        assertThat(Json.<List<String>>read(get(rest, "clara", "demo", engagement.path() + "/timeline").getBody(),
                "$.events[?(@.category == 'PARTNERSHIP')].title"))
                .contains("Relationship survey opened", "Relationship survey closed", "Relationship at risk");
        String atRisk = get(rest, "olivia", "demo", "/api/portfolio?relationshipAtRisk=true&size=200").getBody();
        assertThat(Json.<List<Integer>>read(atRisk, "$.engagements[*].id")).contains((int) engagement.id());
        assertThat(Json.<List<Double>>read(atRisk, "$.engagements[?(@.id == " + engagement.id() + ")].relationshipGap"))
                .containsExactly(1.8);
        String summary = get(rest, "clara", "demo", engagement.path() + "/terms/1/summary").getBody();
        assertThat(Json.<Double>read(summary, "$.relationship.index")).isEqualTo(3.3);

        // The next management call's agenda takes it up first.
        walk.callDue();
        String agenda = Json.read(tasklist.open("olivia", walk.task("olivia", "Prepare the agenda"), "prepareAgendaForm"),
                "$.agendaItems.value");
        assertThat(agenda).contains("Relationship health (survey round 1): index 3.3 of 5 (client 2.4, provider 4.2, 1.8 apart)",
                "lowest: Open and honest communication");
    }

    @Test
    void aRoundClosesWhenItsTimeIsUpAndASideWithTooFewAnswersIsNotShown() {
        ReviewCallWalk walk = new ReviewCallWalk(rest, runtimeService, managementService, taskService);
        Registered engagement = walk.operationalEngagement();
        String survey = surveyDue(walk);
        Tasklist tasklist = new Tasklist(rest);
        String peters = tasklist.taskOf("peter", "relationship-survey:" + engagement.id(), "Rate the relationship");

        // Through /engine-rest as through Tasklist: a bad rating is named, and nothing stays behind.
        ResponseEntity<String> zero = exchange(rest, "peter", "demo", HttpMethod.POST, "/engine-rest/task/" + peters + "/complete",
                "{\"variables\": {\"anonymousAlignment\": {\"value\": 0, \"type\": \"Integer\"}, "
                        + "\"anonymousCommunication\": {\"value\": 4, \"type\": \"Integer\"}, "
                        + "\"anonymousPartnership\": {\"value\": 4, \"type\": \"Integer\"}, "
                        + "\"anonymousInnovation\": {\"value\": 4, \"type\": \"Integer\"}, "
                        + "\"anonymousGovernance\": {\"value\": 4, \"type\": \"Integer\"}}}");
        assertThat(zero.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) Json.read(zero.getBody(), "$.message")).contains("Alignment on metrics and ways of working",
                "not 0");
        assertThat(runtimeService.getVariables(survey)).doesNotContainKey("anonymousAlignment");
        assertThat(taskService.createTaskQuery().taskId(peters).count()).isOne();

        tasklist.submitted("peter", peters, answer(4, 4, 4, 4, 4, null));
        tasklist.submitted("sam", tasklist.taskOf("sam", "relationship-survey:" + engagement.id(), "Rate the relationship"),
                answer(1, 1, 1, 1, 1, "Only sam would say this"));

        // Time is up before clara answered: her task goes, the round closes with what it has.
        managementService.executeJob(walk.job(survey, "timer_roundCloses").getId());
        assertThat(taskService.createTaskQuery().processInstanceId(survey).list()).isEmpty();
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(survey)
                .activityId("endEvent_healthy").list()).hasSize(1);
        String health = health("clara", engagement);
        assertThat(Json.<Double>read(health, "$.index")).isEqualTo(4.0);
        assertThat(Json.<Object>read(health, "$.gap")).as("only one side answered").isNull();
        assertThat(Json.<Boolean>read(health, "$.atRisk")).isFalse();
        assertThat(Json.<String>read(health, "$.inWords")).contains("only one side answered");
        assertThat(Json.<Integer>read(health, "$.rounds[0].providerAnswered")).isEqualTo(1);
        assertThat(Json.<Integer>read(health, "$.rounds[0].clientInvited")).isEqualTo(2);
        // One of the two client people answered: who it was is plain from the tasks, so their answer is not shown.
        assertThat(Json.<Integer>read(health, "$.rounds[0].clientAnswered")).isEqualTo(1);
        assertThat(Json.<Object>read(health, "$.rounds[0].clientIndex")).isNull();
        assertThat(health).doesNotContain("Only sam would say this");
    }

    @Test
    void aRoundStillOpenEndsWithTheEngagement() {
        ReviewCallWalk walk = new ReviewCallWalk(rest, runtimeService, managementService, taskService);
        Registered engagement = walk.operationalEngagement();
        String survey = surveyDue(walk);
        String lifecycle = runtimeService.createProcessInstanceQuery().processDefinitionKey("engagement-lifecycle")
                .processInstanceBusinessKey(engagement.reference()).singleResult().getId();

        assertThat(exchange(rest, "olivia", "demo", HttpMethod.DELETE, "/engine-rest/process-instance/" + lifecycle, null)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(survey).count()).isZero();
        assertThat(Json.<String>read(health("clara", engagement), "$.rounds[0].status")).isEqualTo("CANCELLED");
    }

    @AfterAll
    void everyFlowNodeOfRelationshipSurveyWasVisited() {
        assertThat(FlowNodeCoverage.unvisited(repositoryService, historyService, "relationship-survey", instances)).isEmpty();
    }

    /** Fires the operational phase's "Relationship survey due" timer (its start step follows at once); the round's instance. */
    private String surveyDue(ReviewCallWalk walk) {
        String operations = walk.operations().getId();
        managementService.executeJob(walk.job(operations, "timer_relationshipSurveyDue").getId());
        String survey = runtimeService.createProcessInstanceQuery().processDefinitionKey("relationship-survey")
                .processInstanceBusinessKey("relationship-survey:" + walk.engagement.id()).singleResult().getId();
        instances.add(survey);
        return survey;
    }

    private String health(String user, Registered engagement) {
        ResponseEntity<String> answer = get(rest, user, "demo", engagement.path() + "/relationship-health");
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    private static String answer(int alignment, int communication, int partnership, int innovation, int governance,
            String comment) {
        return """
                {"anonymousAlignment": {"value": "%d"}, "anonymousCommunication": {"value": "%d"},
                 "anonymousPartnership": {"value": "%d"}, "anonymousInnovation": {"value": "%d"},
                 "anonymousGovernance": {"value": "%d"}%s}""".formatted(alignment, communication, partnership, innovation,
                governance, comment == null ? "" : ", \"anonymousComment\": {\"value\": \"" + comment + "\"}");
    }

    private static LocalDate today() {
        return LocalDate.now(BERLIN);
    }
}
