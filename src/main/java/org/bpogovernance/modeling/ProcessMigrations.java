package org.bpogovernance.modeling;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bpogovernance.audit.AuditTrail;
import org.bpogovernance.engagement.EngagementService;
import org.bpogovernance.platform.InvalidInputException;
import org.bpogovernance.platform.NotFoundException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingTransitionInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves the running instances of a process to its newer version, as the officer's modelling loop
 * needs it (Community Cockpit has no migration screen): the plan maps every step the two versions
 * share (same id); each instance is tried on its own, in a transaction rolled back, and the refusals
 * are told in words; those that can move go to Camunda's migration as a batch (Cockpit shows it
 * under Batches, with retries and incidents), each with an audit entry on its engagement. A dry run
 * stops after the tries.
 */
@Service
public class ProcessMigrations {

    /** What one migration did, or would do. */
    public record Outcome(String key, int toVersion, boolean dryRun, List<String> plan, List<InstanceOutcome> instances,
            int migrating, int refused, List<String> batchIds) {
    }

    /** One running instance: where it runs, whether it can move, and why not. */
    public record InstanceOutcome(String processInstanceId, String businessKey, int fromVersion, boolean canMigrate,
            List<String> reasons) {
    }

    private final RepositoryService repositoryService;
    private final RuntimeService runtimeService;
    private final EngagementService engagements;
    private final AuditTrail auditTrail;
    private final TransactionTemplate eachOnItsOwn;
    private final TransactionTemplate together;

    ProcessMigrations(RepositoryService repositoryService, RuntimeService runtimeService, EngagementService engagements,
            AuditTrail auditTrail, PlatformTransactionManager transactions) {
        this.repositoryService = repositoryService;
        this.runtimeService = runtimeService;
        this.engagements = engagements;
        this.auditTrail = auditTrail;
        this.eachOnItsOwn = new TransactionTemplate(transactions);
        this.eachOnItsOwn.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.together = new TransactionTemplate(transactions);
    }

    /**
     * Every instance of the process on an older version (or on {@code fromVersion} only; of one
     * engagement only, when given: to try a change on one engagement first) to {@code toVersion}
     * (default the latest). One that cannot move leaves the others moving.
     */
    public Outcome migrate(String key, Integer fromVersion, Integer toVersion, Long engagementId, boolean dryRun,
            String officer) {
        List<ProcessDefinition> definitions = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key)
                .orderByProcessDefinitionVersion().desc().list();
        if (definitions.isEmpty()) {
            throw new NotFoundException("process", key);
        }
        ProcessDefinition target = toVersion == null ? definitions.get(0) : definitions.stream()
                .filter(d -> d.getVersion() == toVersion).findFirst()
                .orElseThrow(() -> new InvalidInputException("toVersion", key + " has no version " + toVersion));
        List<ProcessDefinition> sources = definitions.stream().filter(d -> d.getVersion() < target.getVersion())
                .filter(d -> fromVersion == null || d.getVersion() == fromVersion).toList();
        if (fromVersion != null && sources.isEmpty()) {
            throw new InvalidInputException("fromVersion", key + " has no version " + fromVersion + " older than "
                    + target.getVersion());
        }
        String businessKey = engagementId == null ? null : engagements.forProcess(engagementId).getContractReference();
        List<String> planWords = new ArrayList<>();
        List<InstanceOutcome> outcomes = new ArrayList<>();
        List<String> batchIds = new ArrayList<>();
        for (ProcessDefinition source : sources) {
            var query = runtimeService.createProcessInstanceQuery().processDefinitionId(source.getId());
            List<ProcessInstance> running = (businessKey == null ? query : query.processInstanceBusinessKey(businessKey)).list();
            if (running.isEmpty()) {
                continue;
            }
            MigrationPlan plan;
            try {
                plan = runtimeService.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities()
                        .updateEventTriggers().build();
            } catch (MigrationPlanValidationException invalid) {
                List<String> reasons = planFailures(invalid);
                running.forEach(instance -> outcomes.add(new InstanceOutcome(instance.getId(), instance.getBusinessKey(),
                        source.getVersion(), false, reasons)));
                continue;
            }
            planWords.add("version " + source.getVersion() + " → " + target.getVersion() + ": "
                    + plan.getInstructions().size() + " steps mapped by their ids");
            List<InstanceOutcome> tried = running.stream().map(instance -> tryOne(plan, instance, source, target)).toList();
            outcomes.addAll(tried);
            List<InstanceOutcome> movable = tried.stream().filter(InstanceOutcome::canMigrate).toList();
            if (!dryRun && !movable.isEmpty()) {
                // the batch and its engagements' audit entries commit together
                together.executeWithoutResult(status -> {
                    batchIds.add(runtimeService.newMigration(plan)
                            .processInstanceIds(movable.stream().map(InstanceOutcome::processInstanceId).toList())
                            .executeAsync().getId());
                    movable.forEach(instance -> audit(instance, source, target, officer));
                });
            }
        }
        int movable = (int) outcomes.stream().filter(InstanceOutcome::canMigrate).count();
        return new Outcome(key, target.getVersion(), dryRun, planWords, outcomes, dryRun ? 0 : movable,
                outcomes.size() - movable, batchIds);
    }

    private void audit(InstanceOutcome instance, ProcessDefinition source, ProcessDefinition target, String officer) {
        engagements.forProcess(instance.businessKey() == null ? "" : instance.businessKey())
                .ifPresent(engagement -> auditTrail.record(EngagementService.AUDIT_TYPE, engagement.getId(), "PROCESS_MIGRATED",
                        source.getKey() + " moves from version " + source.getVersion() + " to " + target.getVersion()
                                + ", by " + officer));
    }

    /** Whether the instance can move: tried in a transaction of its own, always rolled back. */
    private InstanceOutcome tryOne(MigrationPlan plan, ProcessInstance instance, ProcessDefinition source,
            ProcessDefinition target) {
        try {
            eachOnItsOwn.executeWithoutResult(status -> {
                status.setRollbackOnly();
                runtimeService.newMigration(plan).processInstanceIds(instance.getId()).execute();
            });
            return new InstanceOutcome(instance.getId(), instance.getBusinessKey(), source.getVersion(), true, List.of());
        } catch (MigratingProcessInstanceValidationException refused) {
            return new InstanceOutcome(instance.getId(), instance.getBusinessKey(), source.getVersion(), false,
                    instanceFailures(refused, source, target));
        }
    }

    private List<String> planFailures(MigrationPlanValidationException invalid) {
        List<String> reasons = new ArrayList<>();
        for (MigrationInstructionValidationReport report : invalid.getValidationReport().getInstructionReports()) {
            report.getFailures().forEach(failure -> reasons.add("the step '" + report.getMigrationInstruction()
                    .getSourceActivityId() + "': " + failure));
        }
        return reasons;
    }

    /** Why one instance cannot move, step by step, with the steps' names as the diagrams show them. */
    private List<String> instanceFailures(MigratingProcessInstanceValidationException refused, ProcessDefinition source,
            ProcessDefinition target) {
        Map<String, String> names = stepNames(source);
        List<String> reasons = new ArrayList<>(refused.getValidationReport().getFailures());
        for (MigratingActivityInstanceValidationReport report : refused.getValidationReport().getActivityInstanceReports()) {
            String step = names.getOrDefault(report.getSourceScopeId(), report.getSourceScopeId());
            for (String failure : report.getFailures()) {
                reasons.add(failure.contains("no migration instruction")
                        ? "it waits at '" + step + "', which version " + target.getVersion() + " no longer has"
                        : "at '" + step + "': " + failure);
            }
        }
        for (MigratingTransitionInstanceValidationReport report : refused.getValidationReport().getTransitionInstanceReports()) {
            String step = names.getOrDefault(report.getSourceScopeId(), report.getSourceScopeId());
            report.getFailures().forEach(failure -> reasons.add("at '" + step + "' (a job about to run): " + failure));
        }
        return reasons;
    }

    private Map<String, String> stepNames(ProcessDefinition definition) {
        Map<String, String> names = new LinkedHashMap<>();
        repositoryService.getBpmnModelInstance(definition.getId())
                .getModelElementsByType(FlowNode.class)
                .forEach(node -> names.put(node.getId(), node.getName() == null ? node.getId() : node.getName()));
        return names;
    }
}
