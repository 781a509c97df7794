package org.bpogovernance.servicelevel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;
import org.bpogovernance.testing.GovernanceTest;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** kpi-health, rule by rule and at each boundary, as deployed from bpmn/kpi-health.dmn. */
@GovernanceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KpiHealthDecisionTest {

    @Autowired
    DecisionService decisionService;

    @Autowired
    HistoryService historyService;

    @Autowired
    RepositoryService repositoryService;

    @ParameterizedTest(name = "{0} value {1} (warning {2}, breach {3}) -> {4}")
    @CsvSource({
            // higher is better: availability 99.5 target, warning below 99, breach below 98
            "HIGHER_IS_BETTER, 99.7, 99, 98, GREEN",
            "HIGHER_IS_BETTER, 99.0, 99, 98, GREEN",
            "HIGHER_IS_BETTER, 98.9, 99, 98, AMBER",
            "HIGHER_IS_BETTER, 98.0, 99, 98, AMBER",
            "HIGHER_IS_BETTER, 97.9, 99, 98, RED",
            // lower is better: handling time target 300 s, warning above 330, breach above 360
            "LOWER_IS_BETTER, 280, 330, 360, GREEN",
            "LOWER_IS_BETTER, 330, 330, 360, GREEN",
            "LOWER_IS_BETTER, 331, 330, 360, AMBER",
            "LOWER_IS_BETTER, 360, 330, 360, AMBER",
            "LOWER_IS_BETTER, 361, 330, 360, RED"})
    void ratesAMeasurement(String direction, double value, double warning, double breach, String health) {
        String rated = decisionService.evaluateDecisionTableByKey("kpi-health")
                .variables(Variables.createVariables().putValue("direction", direction).putValue("value", value)
                        .putValue("warning", warning).putValue("breach", breach))
                .evaluate().getSingleResult().getSingleEntry();
        assertThat(rated).isEqualTo(health);
    }

    @AfterAll
    void everyRuleMatchedAtLeastOnce() {
        var definition = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("kpi-health")
                .latestVersion().singleResult();
        Set<String> rules = repositoryService.getDmnModelInstance(definition.getId()).getModelElementsByType(Rule.class)
                .stream().map(Rule::getId).collect(Collectors.toSet());
        Set<String> matched = historyService.createHistoricDecisionInstanceQuery().decisionDefinitionId(definition.getId())
                .includeOutputs().list().stream()
                .flatMap(instance -> instance.getOutputs().stream()).map(HistoricDecisionOutputInstance::getRuleId)
                .collect(Collectors.toSet());
        assertThat(matched).containsAll(rules).hasSize(6);
    }
}
