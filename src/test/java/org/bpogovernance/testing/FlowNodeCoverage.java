package org.bpogovernance.testing;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;

/**
 * Which flow nodes of a model the given process instances never reached, read from the engine's
 * history: a test class asserts it has walked every path of its model.
 */
public final class FlowNodeCoverage {

    private FlowNodeCoverage() {
    }

    public static Set<String> unvisited(RepositoryService repositoryService, HistoryService historyService,
            String processDefinitionKey, Collection<String> processInstanceIds) {
        var definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(processDefinitionKey)
                .latestVersion().singleResult();
        Set<String> nodes = repositoryService.getBpmnModelInstance(definition.getId())
                .getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId)
                .collect(Collectors.toCollection(TreeSet::new));
        for (String processInstanceId : processInstanceIds) {
            historyService.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId).list().stream()
                    .map(HistoricActivityInstance::getActivityId)
                    .forEach(nodes::remove);
        }
        return nodes;
    }
}
