package org.bpogovernance.modeling;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.bpogovernance.platform.NotFoundException;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

/**
 * The deployed versions of the processes, as an officer needs them before changing or migrating a
 * model: each version with its tag, when and by whom it was deployed (the person who deployed from
 * Camunda Modeler, or the service itself at start-up), and how many instances and engagements run on it.
 */
@Service
public class ProcessVersions {

    /** Who deployed what the service deployed from its own {@code bpmn/} and {@code forms/} at start-up. */
    static final String THE_SERVICE = "the service at start-up";

    /** One deployed version of a process. */
    public record Version(int version, String versionTag, String definitionId, String deploymentId, String deploymentName,
            String source, Instant deployedAt, String deployedBy, long runningInstances, long engagements) {
    }

    /** A process and its versions, the newest first. */
    public record ProcessModel(String key, String name, List<Version> versions) {
    }

    private final RepositoryService repositoryService;
    private final RuntimeService runtimeService;
    private final HistoryService historyService;

    ProcessVersions(RepositoryService repositoryService, RuntimeService runtimeService, HistoryService historyService) {
        this.repositoryService = repositoryService;
        this.runtimeService = runtimeService;
        this.historyService = historyService;
    }

    /** Every process with its latest version's name, and all its versions. */
    public List<ProcessModel> all() {
        return repositoryService.createProcessDefinitionQuery().latestVersion().orderByProcessDefinitionKey().asc().list()
                .stream().map(latest -> of(latest.getKey())).toList();
    }

    /** One process's versions, the newest first; 404 for a key never deployed. */
    public ProcessModel of(String key) {
        List<ProcessDefinition> definitions = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key)
                .orderByProcessDefinitionVersion().desc().list();
        if (definitions.isEmpty()) {
            throw new NotFoundException("process", key);
        }
        return new ProcessModel(key, definitions.get(0).getName(), definitions.stream().map(this::version).toList());
    }

    private Version version(ProcessDefinition definition) {
        Deployment deployment = repositoryService.createDeploymentQuery().deploymentId(definition.getDeploymentId())
                .singleResult();
        List<ProcessInstance> running = runtimeService.createProcessInstanceQuery()
                .processDefinitionId(definition.getId()).list();
        return new Version(definition.getVersion(), definition.getVersionTag(), definition.getId(), deployment.getId(),
                deployment.getName(), deployment.getSource(), deployment.getDeploymentTime().toInstant(),
                deployedBy(deployment), running.size(),
                running.stream().map(ProcessInstance::getBusinessKey).filter(Objects::nonNull).distinct().count());
    }

    /** The person whose request created the deployment (the engine's operation log), or the service itself. */
    private String deployedBy(Deployment deployment) {
        return historyService.createUserOperationLogQuery().deploymentId(deployment.getId())
                .entityType(EntityTypes.DEPLOYMENT).operationType(UserOperationLogEntry.OPERATION_TYPE_CREATE).list()
                .stream().map(UserOperationLogEntry::getUserId).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(THE_SERVICE);
    }
}
