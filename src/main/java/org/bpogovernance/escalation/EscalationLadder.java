package org.bpogovernance.escalation;

import static org.bpogovernance.engagement.EngagementVariables.ENGAGEMENT_ID;
import static org.bpogovernance.engagement.EngagementVariables.ENGAGEMENT_NAME;
import static org.bpogovernance.engagement.EngagementVariables.GOVERNANCE_OFFICER;

import java.util.Map;
import java.util.Optional;
import org.bpogovernance.engagement.Engagement;
import org.bpogovernance.platform.ConflictException;
import org.bpogovernance.platform.UserInput;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** The engine adapter of the escalation process. */
@Component
class EscalationLadder {

    static final String LEVEL_TASK = "userTask_respondToEscalation";

    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final TaskService taskService;
    private final FormService formService;

    EscalationLadder(RuntimeService runtimeService, HistoryService historyService, TaskService taskService,
            FormService formService) {
        this.runtimeService = runtimeService;
        this.historyService = historyService;
        this.taskService = taskService;
        this.formService = formService;
    }

    /** Starts the escalation's process; its business key is the cause. Returns the instance id. */
    String start(Engagement engagement, String governanceOfficer, Escalation escalation) {
        return runtimeService.createProcessInstanceByKey(EscalationProcess.KEY)
                .businessKey(escalation.getCause())
                .setVariable(ENGAGEMENT_ID.name(), engagement.getId())
                .setVariable(ENGAGEMENT_NAME.name(), engagement.getName())
                .setVariable(GOVERNANCE_OFFICER.name(), governanceOfficer)
                .setVariable(EscalationProcess.ESCALATION_ID.name(), escalation.getId())
                .setVariable(EscalationProcess.TRIGGER.name(), escalation.getTrigger().name())
                .setVariable(EscalationProcess.SEVERITY.name(), escalation.getSeverity().name())
                .setVariable(EscalationProcess.SUBJECT.name(), escalation.getSubject())
                .execute()
                .getId();
    }

    /** Whether an escalation process with this business key ever ran (escalations raised before they had a record). */
    boolean ranBefore(String cause) {
        return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(EscalationProcess.KEY)
                .processInstanceBusinessKey(cause).count() > 0;
    }

    /** Ends a ladder whose escalation was withdrawn. */
    void end(String processInstanceId, String reason) {
        if (runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0) {
            runtimeService.deleteProcessInstance(processInstanceId, reason);
        }
    }

    Optional<Task> levelTask(String processInstanceId) {
        return Optional.ofNullable(taskService.createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(LEVEL_TASK).singleResult());
    }

    /**
     * Submits the level task's form as the current user. A refusal comes back as the step's own
     * error; losing a race with someone who answered the same task first is a conflict.
     */
    void respond(Task task, Map<String, Object> values) {
        try {
            formService.submitTaskForm(task.getId(), values);
        } catch (OptimisticLockingException concurrent) {
            throw new ConflictException("someone answered this escalation at the same moment; reload to see what was decided");
        } catch (ProcessEngineException failure) {
            RuntimeException refusal = UserInput.refusalIn(failure);
            if (refusal == failure && taskService.createTaskQuery().taskId(task.getId()).count() == 0) {
                throw new ConflictException("someone answered this escalation meanwhile; reload to see what was decided");
            }
            throw refusal;
        } catch (RuntimeException failure) {
            // The other answer ended the task's execution while this one ran: the engine then fails
            // inside its own history code (a NullPointerException) rather than with a lock conflict.
            if (taskService.createTaskQuery().taskId(task.getId()).count() == 0) {
                throw new ConflictException("someone answered this escalation meanwhile; reload to see what was decided");
            }
            throw failure;
        }
    }
}
