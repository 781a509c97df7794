package org.bpogovernance.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * The end of a term as its people work it through the engine: the renewal window opens, the
 * steering committee decides, and an exit runs through its plan, items and sign-offs to closure.
 */
public final class Renewals {

    private Renewals() {
    }

    /** Fires the running operational-governance's "Renewal window opens" timer. */
    public static void windowOpens(RuntimeService runtimeService, ManagementService managementService, String reference) {
        ProcessInstance operations = runtimeService.createProcessInstanceQuery().processDefinitionKey("operational-governance")
                .processInstanceBusinessKey(reference).active().singleResult();
        assertThat(operations).as("operational-governance of " + reference).isNotNull();
        managementService.executeJob(managementService.createJobQuery().processInstanceId(operations.getId())
                .activityId("timer_renewalWindowOpens").singleResult().getId());
    }

    /** The running renewal-review of the engagement. */
    public static ProcessInstance review(RuntimeService runtimeService, String reference) {
        ProcessInstance review = runtimeService.createProcessInstanceQuery().processDefinitionKey("renewal-review")
                .processInstanceBusinessKey(reference).active().singleResult();
        assertThat(review).as("renewal-review of " + reference).isNotNull();
        return review;
    }

    /** Completes "Decide on renewal" with the given form values. */
    public static void decide(TaskService taskService, String reference, Map<String, Object> values) {
        taskService.complete(task(taskService, reference, "userTask_decideRenewal").getId(), values);
    }

    /** Renews for the given next term. */
    public static void renew(TaskService taskService, String reference, LocalDate start, LocalDate end, String rationale) {
        Map<String, Object> values = new HashMap<>();
        values.put("renewalDecision", "RENEW");
        values.put("renewalRationale", rationale);
        values.put("newTermStart", start.toString());
        values.put("newTermEnd", end.toString());
        values.put("newNoticePeriodDays", 30);
        decide(taskService, reference, values);
    }

    public static void exit(TaskService taskService, String reference, String rationale) {
        decide(taskService, reference, Map.of("renewalDecision", "EXIT", "renewalRationale", rationale));
    }

    /** Works the exit decided before: the suggested plan, every item done, both parties sign it off. */
    public static void exitToClosed(TaskService taskService, String reference) {
        taskService.complete(task(taskService, reference, "userTask_prepareExitPlan").getId());
        List<Task> items = tasks(taskService, reference, "userTask_completeExitItem");
        assertThat(items).as("one task per category").hasSize(5);
        items.forEach(item -> taskService.complete(item.getId(), Map.of("exitItemNote", "Done as planned")));
        List<Task> signOffs = tasks(taskService, reference, "userTask_signOffExit");
        assertThat(signOffs).hasSize(2);
        signOffs.forEach(signOff -> taskService.complete(signOff.getId(), Map.of("signOffDecision", "APPROVE")));
    }

    public static Task task(TaskService taskService, String reference, String taskDefinitionKey) {
        List<Task> tasks = tasks(taskService, reference, taskDefinitionKey);
        assertThat(tasks).as(taskDefinitionKey + " of " + reference).hasSize(1);
        return tasks.get(0);
    }

    public static List<Task> tasks(TaskService taskService, String reference, String taskDefinitionKey) {
        return taskService.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(taskDefinitionKey)
                .orderByTaskId().asc().list();
    }
}
