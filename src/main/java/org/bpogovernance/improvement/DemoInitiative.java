package org.bpogovernance.improvement;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.bpogovernance.engagement.DemoEngagements;
import org.bpogovernance.engagement.Engagement;
import org.bpogovernance.engagement.EngagementService;
import org.bpogovernance.security.GovernanceGroups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives the operational demo engagement an improvement initiative in pilot: peter proposed
 * pre-validating supplier invoices to lift first-time-right postings, both sides supported it,
 * olivia approved it with a milestone and a benefits review. Left alone once the engagement has one.
 */
@Component
@Order(5)
@ConditionalOnProperty(name = "governance.demo.engagements", havingValue = "true")
class DemoInitiative implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoInitiative.class);

    private final EngagementService engagements;
    private final InitiativeService initiatives;
    private final InitiativeRepository initiativeRecords;
    private final TaskService taskService;
    private final ManagementService managementService;
    private final IdentityService identityService;
    private final Clock clock;

    DemoInitiative(EngagementService engagements, InitiativeService initiatives, InitiativeRepository initiativeRecords,
            TaskService taskService, ManagementService managementService, IdentityService identityService, Clock clock) {
        this.engagements = engagements;
        this.initiatives = initiatives;
        this.initiativeRecords = initiativeRecords;
        this.taskService = taskService;
        this.managementService = managementService;
        this.identityService = identityService;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        Engagement globex = engagements.forProcess(DemoEngagements.OPERATIONAL_DEMO).orElse(null);
        if (globex == null || !initiativeRecords.findByEngagementIdOrderByIdAsc(globex.getId()).isEmpty()) {
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(globex.zone()));
        Initiative initiative;
        identityService.setAuthentication("peter", List.of(GovernanceGroups.PROVIDER_MANAGERS));
        try {
            initiative = initiatives.propose(globex.getId(), new InitiativeProposal("Pre-validate supplier invoices at intake",
                    "A third of the postings that are not right first time come from invoices missing a PO or a VAT number",
                    "Check PO and VAT number when the invoice arrives and send it back to the supplier the same day",
                    "FTR", null, new BigDecimal("98"), Initiative.Size.SMALL, 6, Initiative.Risk.LOW));
        } finally {
            identityService.clearAuthentication();
        }
        String instance = initiative.getProcessInstanceId();
        complete(instance, "userTask_assessAsClient", "clara", GovernanceGroups.CLIENT_REPRESENTATIVES, Map.of(InitiativeProcess.VERDICT, "SUPPORT"));
        complete(instance, "userTask_assessAsProvider", "peter", GovernanceGroups.PROVIDER_MANAGERS, Map.of(InitiativeProcess.VERDICT, "SUPPORT_WITH_CHANGES",
                InitiativeProcess.ASSESSMENT_COMMENT, "Start with the fifty suppliers with the most invoices"));
        runContinuations(instance);
        complete(instance, "userTask_decideInitiative", "olivia", GovernanceGroups.GOVERNANCE_OFFICERS, Map.of(InitiativeProcess.DECISION_FIELD, "APPROVE",
                InitiativeProcess.OWNER_FIELD, "peter",
                InitiativeProcess.MILESTONES, today.plusDays(21) + " | Intake checks live for the top 50 suppliers",
                InitiativeProcess.REVIEW_DATE, today.plusDays(75).toString(),
                InitiativeProcess.DECISION_REASON, "Small, cheap and safe; worth a pilot"));
        log.info("Demo engagement {} has an improvement initiative in pilot", DemoEngagements.OPERATIONAL_DEMO);
    }

    /** The person does the task, as in Tasklist: the record and the timeline name them. */
    private void complete(String instance, String taskKey, String user, String group, Map<String, Object> variables) {
        var task = taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(taskKey).singleResult();
        taskService.setAssignee(task.getId(), user);
        identityService.setAuthentication(user, List.of(group));
        try {
            taskService.complete(task.getId(), variables);
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** The join's continuation runs here, in the seeding's transaction, rather than in the job executor. */
    private void runContinuations(String instance) {
        for (Job job : managementService.createJobQuery().processInstanceId(instance).messages().list()) {
            managementService.executeJob(job.getId());
        }
    }
}
