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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bpogovernance.audit.AuditEntry;
import org.bpogovernance.audit.AuditTrail;
import org.bpogovernance.testing.Engagements;
import org.bpogovernance.testing.FlowNodeCoverage;
import org.bpogovernance.testing.GovernanceTest;
import org.bpogovernance.testing.Renewals;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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
 * engagement-lifecycle from the Tasklist start form (or the API) through onboarding, the
 * operational phase, a renewal, a second renewal review that decides to exit, and the exit, to
 * CLOSED; the phase on the engagement follows every step.
 */
@GovernanceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngagementLifecycleTest {

    @Autowired
    ProcessEngine processEngine;

    @Autowired
    FormService formService;

    @Autowired
    TaskService taskService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    HistoryService historyService;

    @Autowired
    IdentityService identityService;

    @Autowired
    EngagementService engagementService;

    @Autowired
    AuditTrail auditTrail;

    @Autowired
    JdbcTemplate jdbc;

    final Map<String, List<String>> instancesByKey = new HashMap<>();

    @BeforeEach
    void bindAssertionsToTheEngine() {
        AbstractAssertions.init(processEngine);
        identityService.setAuthentication("olivia", List.of("governance-officers"));
    }

    @AfterEach
    void logOut() {
        identityService.clearAuthentication();
    }

    @Test
    void anOfficerRegistersFromTheStartFormAndTheEngagementRunsToClosed() {
        String reference = EngagementFixtures.uniqueReference();
        ProcessInstance lifecycle = submitStartForm(startForm(reference));
        remember("engagement-lifecycle", lifecycle.getId());

        Engagement engagement = engagementService.forProcess(
                (Long) runtimeService.getVariable(lifecycle.getId(), "engagementId"));
        assertThat(engagement.getContractReference()).isEqualTo(reference);
        assertThat(engagement.getLifecycleProcessInstanceId()).isEqualTo(lifecycle.getId());
        assertThat(engagement.getRegisteredBy()).isEqualTo("olivia");
        assertThat(runtimeService.getVariables(lifecycle.getId())).as("start form fields are domain data")
                .containsOnlyKeys("engagementId", "engagementName", "governanceOfficer", "registeredBy");
        assertThat(lifecycle).hasPassed("serviceTask_registerEngagement").isWaitingAt("callActivity_onboarding");

        onboard(engagement);
        assertThat(lifecycle).isWaitingAt("callActivity_operationalGovernance");
        assertThat(engagementService.forProcess(engagement.getId()).getPhase()).isEqualTo(Phase.OPERATIONAL);

        ProcessInstance operations = running("operational-governance", reference);
        assertThat(operations).isWaitingAt("timer_renewalWindowOpens");
        assertThat(job("timer_renewalWindowOpens", operations).getDuedate()).isEqualTo(java.util.Date.from(engagement.noticeDate().minusDays(120)
                .atTime(9, 0).atZone(engagement.zone()).toInstant()));
        execute(job("timer_renewalWindowOpens", operations));
        assertThat(operations).isEnded();
        assertThat(engagementService.forProcess(engagement.getId()).getPhase()).isEqualTo(Phase.RENEWAL);

        Renewals.renew(taskService, reference, engagement.getTermEnd().plusDays(1), engagement.getTermEnd().plusYears(2),
                "Attainment above target all year");
        assertThat(lifecycle).isWaitingAt("callActivity_operationalGovernance");
        Engagement renewed = engagementService.forProcess(engagement.getId());
        assertThat(renewed.getPhase()).isEqualTo(Phase.OPERATIONAL);
        assertThat(renewed.getTermNumber()).isEqualTo(2);
        assertThat(renewed.getTermEnd()).isEqualTo(engagement.getTermEnd().plusYears(2));

        execute(job("timer_renewalWindowOpens", running("operational-governance", reference)));
        Renewals.exit(taskService, reference, "The service moves in-house");
        assertThat(engagementService.forProcess(engagement.getId()).getPhase()).isEqualTo(Phase.EXITING);

        ProcessInstance exit = running("engagement-exit", reference);
        assertThat(task(exit)).isAssignedTo("olivia");
        identityService.clearAuthentication();
        Renewals.exitToClosed(taskService, reference);

        assertThat(lifecycle).hasPassed("serviceTask_closeEngagement").isEnded();
        assertThat(engagementService.forProcess(engagement.getId()).getPhase()).isEqualTo(Phase.CLOSED);
        assertThat(auditTrail.of(EngagementService.AUDIT_TYPE, engagement.getId(), Pageable.unpaged()).getContent())
                .filteredOn(entry -> entry.getAction().equals("PHASE_CHANGED")).extracting(AuditEntry::getDetails)
                .containsExactly("ONBOARDING -> OPERATIONAL", "OPERATIONAL -> RENEWAL", "RENEWAL -> OPERATIONAL",
                        "OPERATIONAL -> RENEWAL", "RENEWAL -> EXITING", "EXITING -> CLOSED");
        assertThatThrownBy(() -> engagementService.addStakeholder(engagement.getId(),
                new StakeholderRequest("sam", Side.CLIENT, StakeholderRole.EXECUTIVE_SPONSOR, 3)))
                .hasMessageContaining("closed and kept read-only");
    }

    @Test
    void aStartFormWithBadInputRegistersNothingAndSaysWhichField() {
        Map<String, Object> form = startForm(EngagementFixtures.uniqueReference());
        form.put("termEnd", "2020-01-01");
        form.put("providerManager", "nobody");
        long engagements = jdbc.queryForObject("select count(*) from engagement", Long.class);
        long lifecycles = runtimeService.createProcessInstanceQuery().processDefinitionKey("engagement-lifecycle").count();

        assertThatThrownBy(() -> submitStartForm(form))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("Term end: must be after the term start")
                .hasMessageContaining("Provider manager (user id): is not a known user: nobody");

        assertThat(jdbc.queryForObject("select count(*) from engagement", Long.class)).isEqualTo(engagements);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("engagement-lifecycle").count())
                .isEqualTo(lifecycles);
    }

    @Test
    void theRenewalDecisionNeedsADecisionAndAReason() {
        Engagement engagement = engagementService.register(EngagementFixtures.request(EngagementFixtures.uniqueReference()));
        remember("engagement-lifecycle", engagement.getLifecycleProcessInstanceId());
        onboard(engagement);
        execute(job("timer_renewalWindowOpens", running("operational-governance", engagement.getContractReference())));
        ProcessInstance review = running("renewal-review", engagement.getContractReference());

        assertThatThrownBy(() -> complete(task(review), withVariables("renewalDecision", "EXIT")))
                .hasMessageContaining("Rationale: is required");
        assertThatThrownBy(() -> complete(task(review), withVariables("renewalDecision", "PERHAPS",
                "renewalRationale", "unsure"))).hasMessageContaining("Decision: must be one of");
        assertThat(review).isWaitingAt("userTask_decideRenewal");
    }

    @Test
    void aTermThatEndsUndecidedClosesTheEngagement() {
        Engagement engagement = engagementService.register(EngagementFixtures.request(EngagementFixtures.uniqueReference()));
        remember("engagement-lifecycle", engagement.getLifecycleProcessInstanceId());
        onboard(engagement);
        execute(job("timer_renewalWindowOpens", running("operational-governance", engagement.getContractReference())));
        execute(job("timer_termEnded", running("renewal-review", engagement.getContractReference())));

        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(engagement.getLifecycleProcessInstanceId())
                .count()).isZero();
        assertThat(engagementService.forProcess(engagement.getId()).getPhase()).isEqualTo(Phase.CLOSED);
        assertThat(auditTrail.of(EngagementService.AUDIT_TYPE, engagement.getId(), Pageable.unpaged()).getContent())
                .anyMatch(entry -> entry.getAction().equals("RENEWAL_LAPSED"));
    }

    @AfterAll
    void everyFlowNodeOfEachPhaseWasVisited() {
        // the phases have tests of their own (onboarding, review calls, RenewalReviewProcessTest, ExitProcessTest)
        for (String key : List.of("engagement-lifecycle")) {
            assertThat(FlowNodeCoverage.unvisited(repositoryService, historyService, key,
                    instancesByKey.getOrDefault(key, List.of()))).as(key).isEmpty();
        }
    }

    /** As Tasklist submits the start form of the latest engagement-lifecycle. */
    private ProcessInstance submitStartForm(Map<String, Object> form) {
        String definitionId = repositoryService.createProcessDefinitionQuery().processDefinitionKey("engagement-lifecycle")
                .latestVersion().singleResult().getId();
        return formService.submitStartForm(definitionId, form);
    }

    private void onboard(Engagement engagement) {
        ProcessInstance onboarding = running("engagement-onboarding", engagement.getContractReference());
        complete(task(onboarding), withVariables("kickOffDate", LocalDate.now().plusDays(7).toString(),
                "kickOffTime", "10:00", "kickOffFormat", "REMOTE"));
        complete(task(onboarding), withVariables("communicationChannels", List.of("EMAIL"),
                "reportingCadence", "MONTHLY", "escalationProtocol", "Project lead, then sponsors"));
        complete(task(onboarding), withVariables("stakeholderMapConfirmed", true));
        identityService.clearAuthentication();
        complete(task("userTask_signCharterAsClient", onboarding), withVariables("charterDecision", "APPROVE"));
        complete(task("userTask_signCharterAsProvider", onboarding), withVariables("charterDecision", "APPROVE"));
        Engagements.operationsBegin(engagement.getContractReference());
        identityService.setAuthentication("olivia", List.of("governance-officers"));
    }

    private ProcessInstance running(String key, String reference) {
        ProcessInstance instance = runtimeService.createProcessInstanceQuery().processDefinitionKey(key)
                .processInstanceBusinessKey(reference).active().singleResult();
        remember(key, instance.getId());
        return instance;
    }

    private void remember(String key, String processInstanceId) {
        instancesByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(processInstanceId);
    }

    private static Map<String, Object> startForm(String reference) {
        Map<String, Object> form = new HashMap<>();
        form.put("name", "Woodgrove HR services");
        form.put("client", "Woodgrove Bank");
        form.put("provider", "Northwind BPO");
        form.put("serviceScope", "HR administration and payroll queries");
        form.put("contractReference", reference);
        form.put("termStart", LocalDate.now().plusMonths(1).toString());
        form.put("termEnd", LocalDate.now().plusMonths(1).plusYears(2).toString());
        form.put("noticePeriodDays", 60L);
        form.put("timeZone", "Europe/London");
        form.put("remoteMeetingLink", "https://meet.example.org/woodgrove");
        form.put("siteAddress", "Woodgrove Tower, London");
        form.put("clientRepresentative", "clara");
        form.put("providerManager", "peter");
        return form;
    }
}
