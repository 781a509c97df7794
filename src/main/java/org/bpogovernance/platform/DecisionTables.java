package org.bpogovernance.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Component;

/**
 * The decision tables officers change in Camunda Modeler, evaluated so that what they decided
 * says which version decided it ("escalation-routing version 3"): a changed table applies from
 * its next evaluation, and the engagement's timeline shows which version decided.
 */
@Component
public class DecisionTables {

    /** A table's single result and the version that gave it, in words. */
    public record Decided(Map<String, Object> result, String decidedBy) {
    }

    private final RepositoryService repositoryService;
    private final DecisionService decisionService;
    private final HistoryService historyService;
    private final EngineAsSystem asSystem;

    DecisionTables(RepositoryService repositoryService, DecisionService decisionService, HistoryService historyService,
            EngineAsSystem asSystem) {
        this.repositoryService = repositoryService;
        this.decisionService = decisionService;
        this.historyService = historyService;
        this.asSystem = asSystem;
    }

    /** "kpi-health version 3". */
    public static String decidedBy(String key, int version) {
        return key + " version " + version;
    }

    /** Evaluates the latest version of the table; its single result. */
    public Decided evaluate(String key, VariableMap inputs) {
        DecisionDefinition latest = asSystem.call(() -> repositoryService.createDecisionDefinitionQuery()
                .decisionDefinitionKey(key).latestVersion().singleResult());
        if (latest == null) {
            throw new IllegalStateException("the decision table " + key + " is not deployed");
        }
        Map<String, Object> result = decisionService.evaluateDecisionTableById(latest.getId()).variables(inputs).evaluate()
                .getSingleResult().getEntryMap();
        return new Decided(result, decidedBy(key, latest.getVersion()));
    }

    /**
     * What a process's business rule task last decided with the table, and which version decided it;
     * empty if it never evaluated the table.
     */
    public Optional<Decided> decidedIn(String processInstanceId, String key) {
        if (processInstanceId == null) {
            return Optional.empty();
        }
        return asSystem.call(() -> historyService.createHistoricDecisionInstanceQuery().processInstanceId(processInstanceId)
                .decisionDefinitionKey(key).includeOutputs().orderByEvaluationTime().desc().listPage(0, 1).stream()
                .findFirst().map(decided -> {
                    Map<String, Object> result = new LinkedHashMap<>();
                    decided.getOutputs().forEach(output -> result.put(output.getVariableName(), output.getValue()));
                    int version = repositoryService.getDecisionDefinition(decided.getDecisionDefinitionId()).getVersion();
                    return new Decided(result, decidedBy(key, version));
                }));
    }
}
