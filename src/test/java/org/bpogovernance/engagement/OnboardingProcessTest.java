package org.bpogovernance.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bpogovernance.audit.AuditEntry;
import org.bpogovernance.audit.AuditTrail;
import org.bpogovernance.platform.PeopleDates;
import org.bpogovernance.security.GovernanceGroups;
import org.bpogovernance.testing.Engagements;
import org.bpogovernance.testing.FlowNodeCoverage;
import org.bpogovernance.testing.GovernanceTest;
import org.bpogovernance.testing.OfficerTeam;
import org.bpogovernance.testing.Tasklist;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * engagement-onboarding, path by path: approval, rejection and rework, overrun, and input the
 * steps refuse. Jobs (the overrun timer) are driven explicitly. Together the tests visit every
 * flow node of the model.
 */
@GovernanceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OnboardingProcessTest {

    @Autowired
    ProcessEngine processEngine;

    @Autowired
    EngagementService engagementService;

    @Autowired
    OnboardingService onboardingService;

    @Autowired
    AuditTrail auditTrail;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    IdentityService identityService;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    HistoryService historyService;

    @Autowired
    JdbcTemplate jdbc;

    final List<String> onboardingInstances = new ArrayList<>();

    @BeforeEach
    void bindAssertionsToTheEngine() {
        AbstractAssertions.init(processEngine);
    }

    @AfterEach
    void noOneIsLoggedIn() {
        identityService.clearAuthentication();
    }

    @Test
    void bothPartiesApproveAndTheEngagementBecomesOperational() {
        Engagement engagement = register();
        ProcessInstance onboarding = onboardingOf(engagement);

        assertThat(onboarding).isWaitingAt("userTask_scheduleKickOff");
        assertThat(task(onboarding)).isAssignedTo("olivia");
        assertThat(taskService.getIdentityLinksForTask(task(onboarding).getId()))
                .anyMatch(link -> "governance-officers".equals(link.getGroupId()));
        agreeUpToTheCharter(onboarding);

        assertThat(onboarding).isWaitingAt("userTask_signCharterAsClient", "userTask_signCharterAsProvider");
        assertThat(task("userTask_signCharterAsClient", onboarding)).isAssignedTo("clara");
        assertThat(task("userTask_signCharterAsProvider", onboarding)).isAssignedTo("peter");
        assertThat((String) taskService.getVariableLocal(task("userTask_signCharterAsClient", onboarding).getId(),
                "charterText")).contains(engagement.getContractReference(), "Escalation protocol: Project lead first",
                "Governance tiers: Operational review — monthly, 60 minutes; Management review — quarterly, 90 minutes; "
                        + "Executive review — every six months, 120 minutes",
                "Clara Client (Contoso Ltd, client representative, level 2)",
                "Peter Provider (Northwind BPO, provider manager, level 2)",
                "Kick-off: " + PeopleDates.day(LocalDate.now().plusDays(7)) + ", 10:00 (Europe/Berlin), on premises",
                "Communication: e-mail, video; reporting monthly")
                .doesNotContain("CLIENT_REPRESENTATIVE", "OPERATIONAL", "T10:00");
        complete(task("userTask_signCharterAsClient", onboarding), withVariables("charterDecision", "APPROVE"));
        complete(task("userTask_signCharterAsProvider", onboarding), withVariables("charterDecision", "APPROVE"));

        // signed before the kick-off (in a week) and the term's first day (in a month): onboarding waits for
        // the later of the two, and the phase with it
        assertThat(onboarding).hasPassed("serviceTask_checkCharterSignOff", "endEvent_activitiesDone")
                .isWaitingAt("timer_operationsBegin");
        Job operationsBegin = processEngine.getManagementService().createJobQuery().processInstanceId(onboarding.getId())
                .activityId("timer_operationsBegin").singleResult();
        assertThat(operationsBegin.getDuedate().toInstant())
                .isEqualTo(engagement.getTermStart().atStartOfDay(ZoneId.of(engagement.getTimeZone())).toInstant())
                .isAfter(LocalDate.now().plusDays(7).atTime(10, 0).atZone(ZoneId.of(engagement.getTimeZone())).toInstant());
        assertThat(engagementService.forProcess(engagement.getId()).getPhase()).isEqualTo(Phase.ONBOARDING);
        processEngine.getManagementService().executeJob(operationsBegin.getId());

        assertThat(onboarding).hasPassed("timer_operationsBegin", "serviceTask_completeOnboarding").isEnded();
        assertThat(engagementService.forProcess(engagement.getId()).getPhase()).isEqualTo(Phase.OPERATIONAL);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("operational-governance")
                .processInstanceBusinessKey(engagement.getContractReference()).count()).isOne();
        assertThat(actions(engagement)).containsSubsequence("ONBOARDING_STARTED", "KICK_OFF_SCHEDULED",
                "WAYS_OF_WORKING_AGREED", "STAKEHOLDER_MAP_CONFIRMED", "CHARTER_SENT_FOR_SIGNATURE",
                "CHARTER_APPROVED", "CHARTER_APPROVED", "ONBOARDING_COMPLETED", "PHASE_CHANGED");
        assertThat(runtimeService.createVariableInstanceQuery().processInstanceIdIn(onboarding.getId()).list())
                .as("form values live in the domain tables, not in the process").isEmpty();
    }

    @Test
    void theOfficersTasksAreOfferedToTheirTeamNotToEveryOfficer() {
        try (OfficerTeam team = OfficerTeam.form(identityService, "officer-team-onboarding-test", "olivia")) {
            Task kickOff = task(onboardingOf(register()));

            assertThat(kickOff).isAssignedTo("olivia");
            assertThat(Tasklist.candidates(taskService, kickOff)).containsExactly("group officer-team-onboarding-test");
            assertThat(taskService.createTaskQuery().taskId(kickOff.getId())
                    .taskCandidateGroup(GovernanceGroups.GOVERNANCE_OFFICERS).includeAssignedTasks().count())
                    .as("an officer of another team is not offered it").isZero();
        }
    }

    @Test
    void aRejectionGoesBackToTheOfficerWithItsReasonAndBothSignAgain() {
        Engagement engagement = register();
        ProcessInstance onboarding = onboardingOf(engagement);
        agreeUpToTheCharter(onboarding);

        complete(task("userTask_signCharterAsClient", onboarding), withVariables("charterDecision", "REJECT",
                "charterRejectionReason", "Service credits are missing from the charter"));
        complete(task("userTask_signCharterAsProvider", onboarding), withVariables("charterDecision", "APPROVE"));

        assertThat(onboarding).isWaitingAt("userTask_reworkCharter");
        assertThat(task(onboarding)).isAssignedTo("olivia");
        assertThat((String) taskService.getVariableLocal(task(onboarding).getId(), "charterRejections"))
                .isEqualTo("CLIENT (clara): Service credits are missing from the charter");
        assertThat(taskService.getVariableLocal(task(onboarding).getId(), "reportingCadence")).as("the form starts from what was agreed")
                .isEqualTo("MONTHLY");
        complete(task(onboarding), withVariables("reworkNote", "Added the service-credit rule: 5% per breach, cap 15%",
                "reportingCadence", "WEEKLY", "metricsNote", "Service credits: 5% per breach, cap 15%"));

        assertThat(onboarding).isWaitingAt("userTask_signCharterAsClient", "userTask_signCharterAsProvider");
        String changes = (String) taskService.getVariableLocal(task("userTask_signCharterAsClient", onboarding).getId(),
                "charterChanges");
        assertThat(changes.lines()).containsExactly(
                "Communication: e-mail, video; reporting monthly → now e-mail, video; reporting weekly",
                "Service metrics: now Service credits: 5% per breach, cap 15%");
        assertThat((String) taskService.getVariableLocal(task("userTask_signCharterAsProvider", onboarding).getId(),
                "charterText")).contains("reporting weekly", "Service credits: 5% per breach");
        complete(task("userTask_signCharterAsClient", onboarding), withVariables("charterDecision", "APPROVE"));
        complete(task("userTask_signCharterAsProvider", onboarding), withVariables("charterDecision", "APPROVE"));

        Engagements.operationsBegin(engagement.getContractReference());
        assertThat(onboarding).hasPassed("userTask_reworkCharter", "gateway_charterReady").isEnded();
        assertThat(onboardingService.signOffs(engagement.getId())).extracting(s -> s.getRound() + " " + s.getSide()
                + " " + s.getDecision()).containsExactly("1 CLIENT REJECT", "1 PROVIDER APPROVE",
                "2 CLIENT APPROVE", "2 PROVIDER APPROVE");
        assertThat(engagementService.forProcess(engagement.getId()).getPhase()).isEqualTo(Phase.OPERATIONAL);
    }

    @Test
    void anOverrunTellsTheOfficerAndSponsorsWhileOnboardingGoesOn() {
        Engagement engagement = register();
        ProcessInstance onboarding = onboardingOf(engagement);
        LocalDate target = onboardingService.get(engagement.getId()).getTargetDate();
        assertThat(target).as("thirty days from today in the engagement's zone, whatever the server's")
                .isEqualTo(LocalDate.now(engagement.zone()).plusDays(30));
        assertThat(job("timer_onboardingOverrun", onboarding).getDuedate())
                .isEqualTo(Date.from(target.atTime(9, 0).atZone(ZoneId.of("Europe/Berlin")).toInstant()));

        execute(job("timer_onboardingOverrun", onboarding));

        assertThat(onboarding).hasPassed("serviceTask_notifyOnboardingOverrun", "endEvent_overrunNotified")
                .isWaitingAt("userTask_scheduleKickOff");
        assertThat(job("timer_onboardingOverrun", onboarding)).as("the next reminder").isNotNull();
        assertThat(onboardingService.get(engagement.getId()).getOverrunNotices()).isOne();
        assertThat(actions(engagement)).contains("ONBOARDING_OVERRUN");
        assertThat(jdbc.queryForList("select recipient_user_id from notification_outbox where engagement_id = ? "
                + "and kind = 'onboarding-overrun'", String.class, engagement.getId()))
                .as("the officer is told (the fixture names no sponsor)").containsExactly("olivia");
    }

    @Test
    void inputTheStepsRefuseLeavesTheTaskOpenAndNothingRecorded() {
        Engagement engagement = register();
        ProcessInstance onboarding = onboardingOf(engagement);

        assertThatThrownBy(() -> taskService.complete(task(onboarding).getId(), withVariables(
                "kickOffDate", LocalDate.now().minusDays(1).toString(), "kickOffTime", "10:00", "kickOffFormat", "REMOTE")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Kick-off date: must not be in the past");
        assertThatThrownBy(() -> taskService.complete(task(onboarding).getId(), withVariables(
                "kickOffDate", LocalDate.now().plusDays(3).toString(), "kickOffTime", "25:99", "kickOffFormat", "REMOTE")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Start time");
        assertThat(onboarding).isWaitingAt("userTask_scheduleKickOff");
        assertThat(actions(engagement)).doesNotContain("KICK_OFF_SCHEDULED");

        agreeUpToTheCharter(onboarding);
        String clientTask = task("userTask_signCharterAsClient", onboarding).getId();
        assertThatThrownBy(() -> taskService.complete(clientTask, withVariables("charterDecision", "REJECT")))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("Reason for rejecting: is required when rejecting");
        assertThatThrownBy(() -> taskService.complete(clientTask, withVariables("charterDecision", "MAYBE")))
                .hasMessageContaining("Decision: must be APPROVE or REJECT");

        // A participant who is not on the engagement may not touch the task at all...
        identityService.setAuthentication("carl", List.of("client-representatives"));
        assertThatThrownBy(() -> taskService.complete(clientTask, withVariables("charterDecision", "APPROVE")))
                .isInstanceOf(AuthorizationException.class);
        // ...and an officer, who may work every task, still cannot sign in the client's place.
        identityService.setAuthentication("olivia", List.of("governance-officers"));
        assertThatThrownBy(() -> taskService.complete(clientTask, withVariables("charterDecision", "APPROVE")))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("Signer: olivia is not the named signer for the CLIENT side; only clara may sign");
        identityService.clearAuthentication();

        assertThat(onboardingService.signOffs(engagement.getId())).isEmpty();
        assertThat(onboarding).isWaitingAt("userTask_signCharterAsClient", "userTask_signCharterAsProvider");
    }

    @AfterAll
    void everyFlowNodeOfOnboardingWasVisited() {
        assertThat(FlowNodeCoverage.unvisited(repositoryService, historyService, "engagement-onboarding",
                onboardingInstances)).isEmpty();
    }

    private Engagement register() {
        Engagement engagement = engagementService.register(EngagementFixtures.request(EngagementFixtures.uniqueReference()));
        onboardingInstances.add(onboardingOf(engagement).getId());
        return engagement;
    }

    /** The engagement's onboarding instance, taken while it runs; the assertions follow it after it ends. */
    private ProcessInstance onboardingOf(Engagement engagement) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey("engagement-onboarding")
                .processInstanceBusinessKey(engagement.getContractReference()).singleResult();
    }

    /** Kick-off, ways of working and stakeholder map, as the officer fills them in. */
    private void agreeUpToTheCharter(ProcessInstance onboarding) {
        complete(task("userTask_scheduleKickOff", onboarding), withVariables("kickOffDate",
                LocalDate.now().plusDays(7).toString(), "kickOffTime", "10:00", "kickOffFormat", "ON_PREMISES"));
        complete(task("userTask_agreeWaysOfWorking", onboarding), withVariables(
                "communicationChannels", "[\"EMAIL\",\"VIDEO\"]", "reportingCadence", "MONTHLY",
                "escalationProtocol", "Project lead first, then delivery managers, then the steering committee"));
        assertThat((String) taskService.getVariableLocal(task(onboarding).getId(), "stakeholderMap"))
                .contains("clara (CLIENT CLIENT_REPRESENTATIVE, level 2)", "peter (PROVIDER PROVIDER_MANAGER, level 2)");
        complete(task("userTask_confirmStakeholderMap", onboarding), withVariables("stakeholderMapConfirmed", true));
    }

    private List<String> actions(Engagement engagement) {
        return auditTrail.of(EngagementService.AUDIT_TYPE, engagement.getId(), Pageable.unpaged()).getContent().stream()
                .map(AuditEntry::getAction).toList();
    }
}
