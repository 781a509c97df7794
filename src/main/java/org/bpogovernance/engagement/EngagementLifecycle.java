package org.bpogovernance.engagement;

import static org.bpogovernance.engagement.EngagementVariables.ENGAGEMENT_ID;
import static org.bpogovernance.engagement.EngagementVariables.ENGAGEMENT_NAME;
import static org.bpogovernance.engagement.EngagementVariables.GOVERNANCE_OFFICER;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bpogovernance.platform.EngineAsSystem;
import org.bpogovernance.platform.RunningProcess;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/** The engine adapter of the engagement-lifecycle process. */
@Component
class EngagementLifecycle {

    private final RuntimeService runtimeService;
    private final RepositoryService repositoryService;
    private final EngineAsSystem asSystem;

    EngagementLifecycle(RuntimeService runtimeService, RepositoryService repositoryService, EngineAsSystem asSystem) {
        this.runtimeService = runtimeService;
        this.repositoryService = repositoryService;
        this.asSystem = asSystem;
    }

    /** Starts the lifecycle of a registered engagement; returns the process instance id. */
    String start(Engagement engagement, String governanceOfficer) {
        return runtimeService.createProcessInstanceByKey(EngagementLifecycleProcess.KEY)
                .businessKey(engagement.getContractReference())
                .setVariable(ENGAGEMENT_ID.name(), engagement.getId())
                .setVariable(ENGAGEMENT_NAME.name(), engagement.getName())
                .setVariable(GOVERNANCE_OFFICER.name(), governanceOfficer)
                .execute()
                .getId();
    }

    /**
     * Ends every process still running for the engagement, whatever its model, except the one
     * closing it (the lifecycle and what it called); returns what ended, as people read it.
     */
    List<String> endAllOthers(Long engagementId, String reason) {
        return asSystem.call(() -> {
            Optional<String> closing = RunningProcess.instanceId().map(this::rootOf);
            List<String> ended = new ArrayList<>();
            for (ProcessInstance instance : runtimeService.createProcessInstanceQuery()
                    .variableValueEquals(ENGAGEMENT_ID.name(), engagementId).list()) {
                boolean stillRunning = runtimeService.createProcessInstanceQuery()
                        .processInstanceId(instance.getId()).count() > 0;
                if (stillRunning && !closing.equals(Optional.ofNullable(instance.getRootProcessInstanceId()))) {
                    runtimeService.deleteProcessInstance(instance.getId(), reason);
                    ended.add(repositoryService.getProcessDefinition(instance.getProcessDefinitionId()).getName()
                            + " (instance " + instance.getId() + ")");
                }
            }
            return ended;
        });
    }

    private String rootOf(String processInstanceId) {
        ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
        return instance == null || instance.getRootProcessInstanceId() == null ? processInstanceId
                : instance.getRootProcessInstanceId();
    }
}
