package org.bpogovernance.review;

import static org.bpogovernance.engagement.EngagementVariables.ENGAGEMENT_ID;
import static org.bpogovernance.engagement.EngagementVariables.ENGAGEMENT_NAME;
import static org.bpogovernance.engagement.EngagementVariables.GOVERNANCE_OFFICER;

import java.util.Map;
import java.util.Optional;
import org.bpogovernance.engagement.Engagement;
import org.bpogovernance.engagement.Side;
import org.bpogovernance.platform.UserInput;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** The engine adapter of the milestone-review process. */
@Component
class ReviewCalls {

    static final Map<Side, String> SIGN_OFF_TASKS = Map.of(Side.CLIENT, "userTask_signOffAsClient",
            Side.PROVIDER, "userTask_signOffAsProvider");

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final FormService formService;

    ReviewCalls(RuntimeService runtimeService, TaskService taskService, FormService formService) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.formService = formService;
    }

    /** Starts the review call's process; its business key is the contract reference. Returns the instance id. */
    String start(Engagement engagement, String governanceOfficer, Review review) {
        return runtimeService.createProcessInstanceByKey(ReviewCallProcess.KEY)
                .businessKey(engagement.getContractReference())
                .setVariable(ENGAGEMENT_ID.name(), engagement.getId())
                .setVariable(ENGAGEMENT_NAME.name(), engagement.getName())
                .setVariable(GOVERNANCE_OFFICER.name(), governanceOfficer)
                .setVariable(ReviewCallProcess.REVIEW_ID.name(), review.getId())
                .setVariable(ReviewCallProcess.TIER.name(), review.getTier().name())
                .setVariable(ReviewCallProcess.SEQUENCE.name(), review.getSequence())
                .setVariable(ReviewCallProcess.PHASE.name(), engagement.getPhase().name())
                .setVariable(ReviewCallProcess.DATA_PERIOD.name(), review.getPeriodTo())
                .execute()
                .getId();
    }

    /** The open sign-off task of one side, if the minutes are out for sign-off. */
    Optional<Task> signOffTask(String processInstanceId, Side side) {
        return openTask(processInstanceId, SIGN_OFF_TASKS.get(side));
    }

    Optional<Task> openTask(String processInstanceId, String taskDefinitionKey) {
        return Optional.ofNullable(taskService.createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(taskDefinitionKey).singleResult());
    }

    /** The open task of a step that asks several people at once, by its task-local variable naming the person asked. */
    Optional<Task> openTaskOf(String processInstanceId, String taskDefinitionKey, String personVariable, String person) {
        return Optional.ofNullable(taskService.createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(taskDefinitionKey).taskVariableValueEquals(personVariable, person).singleResult());
    }

    /**
     * Submits the task's form with the values, as the current user and as Tasklist does (the values
     * land on the task, where its form fields live); input the step refuses comes back as the step's
     * own error (400 or 409), not as the engine's.
     */
    void complete(Task task, Map<String, Object> values) {
        try {
            formService.submitTaskForm(task.getId(), values);
        } catch (ProcessEngineException failure) {
            throw UserInput.refusalIn(failure);
        }
    }
}
