package org.bpogovernance.platform;

import java.time.Instant;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.stereotype.Component;

/**
 * Whether a task someone tried to complete has been completed meanwhile, and when: the answer a
 * person needs when their attempt failed because someone else (or their own second click) was
 * faster. History is read past the asker's authorizations; only the time is revealed.
 */
@Component
class CompletedTasks {

    static final String TYPE = "TaskAlreadyCompleted";

    private final HistoryService historyService;
    private final EngineAsSystem asSystem;

    CompletedTasks(HistoryService historyService, EngineAsSystem asSystem) {
        this.historyService = historyService;
        this.asSystem = asSystem;
    }

    Optional<Instant> completedAt(String taskId) {
        HistoricTaskInstance task = asSystem.call(() ->
                historyService.createHistoricTaskInstanceQuery().taskId(taskId).finished().singleResult());
        return Optional.ofNullable(task).map(done -> done.getEndTime().toInstant());
    }

    static String message(Instant completedAt) {
        return "This task was already completed (at " + completedAt + "); nothing was changed.";
    }
}
