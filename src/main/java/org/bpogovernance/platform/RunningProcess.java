package org.bpogovernance.platform;

import java.util.Optional;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;

/**
 * The process instance on whose behalf the engine is running code now (a delegate, a listener,
 * a task completion), if any; empty outside the engine, for example in an {@code /api} request.
 */
public final class RunningProcess {

    private RunningProcess() {
    }

    public static Optional<String> instanceId() {
        if (Context.getCommandContext() == null) {
            return Optional.empty();
        }
        var executionContext = Context.getBpmnExecutionContext();
        if (executionContext != null && executionContext.getExecution() != null) {
            return Optional.ofNullable(executionContext.getExecution().getProcessInstanceId());
        }
        var coreContext = Context.getCoreExecutionContext();
        if (coreContext != null && coreContext.getExecution() instanceof ExecutionEntity execution) {
            return Optional.ofNullable(execution.getProcessInstanceId());
        }
        return Optional.empty();
    }
}
