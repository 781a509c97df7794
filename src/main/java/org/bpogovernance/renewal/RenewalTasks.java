package org.bpogovernance.renewal;

import java.util.Map;
import java.util.Optional;
import org.bpogovernance.platform.UserInput;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** The engine adapter of renewal-review and engagement-exit for the API: finds a task and submits its form. */
@Component
class RenewalTasks {

    static final String DECIDE_RENEWAL = "userTask_decideRenewal";
    static final String COMPLETE_EXIT_ITEM = "userTask_completeExitItem";
    static final String SIGN_OFF_EXIT = "userTask_signOffExit";

    private final TaskService taskService;
    private final FormService formService;

    RenewalTasks(TaskService taskService, FormService formService) {
        this.taskService = taskService;
        this.formService = formService;
    }

    Optional<Task> decisionTask(String processInstanceId) {
        return processInstanceId == null ? Optional.empty() : Optional.ofNullable(taskService.createTaskQuery()
                .processInstanceId(processInstanceId).taskDefinitionKey(DECIDE_RENEWAL).singleResult());
    }

    /** The open task of an engagement's exit that is assigned to the user, of the given kind. */
    Optional<Task> exitTask(String businessKey, String taskDefinitionKey, String assignee) {
        return taskService.createTaskQuery().processDefinitionKey(RenewalProcess.EXIT_KEY).processInstanceBusinessKey(businessKey)
                .taskDefinitionKey(taskDefinitionKey).taskAssignee(assignee).list().stream().findFirst();
    }

    /** The open task of one exit item. */
    Optional<Task> exitItemTask(String businessKey, Long exitItemId) {
        return taskService.createTaskQuery().processDefinitionKey(RenewalProcess.EXIT_KEY).processInstanceBusinessKey(businessKey)
                .taskDefinitionKey(COMPLETE_EXIT_ITEM).list().stream()
                .filter(task -> taskService.getVariable(task.getId(), RenewalProcess.EXIT_ITEM_ID.name()) instanceof Number id
                        && id.longValue() == exitItemId)
                .findFirst();
    }

    /** Submits the task's form as the current user, as Tasklist does; refused input comes back as the step's own error. */
    void complete(Task task, Map<String, Object> values) {
        try {
            formService.submitTaskForm(task.getId(), values);
        } catch (ProcessEngineException failure) {
            throw UserInput.refusalIn(failure);
        }
    }
}
