package org.bpogovernance.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.bpogovernance.testing.GovernanceTest;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** meeting-format, rule by rule (the matching rule read from the decision history), as deployed from bpmn/meeting-format.dmn. */
@GovernanceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeetingFormatDecisionTest {

    @Autowired
    DecisionService decisionService;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    HistoryService historyService;

    final Set<String> matchedRules = new HashSet<>();

    @ParameterizedTest(name = "{0} {1} call {2}, last travel {5} -> {3} ({4})")
    @CsvSource({
            "EXITING,     OPERATIONAL, 7, ON_PREMISES, rule_finalCall,",
            "EXITING,     EXECUTIVE,   1, ON_PREMISES, rule_finalCall,",
            "OPERATIONAL, EXECUTIVE,   4, ON_PREMISES, rule_executiveTier,",
            "RENEWAL,     EXECUTIVE,   2, ON_PREMISES, rule_executiveTier,",
            "OPERATIONAL, OPERATIONAL, 1, ON_PREMISES, rule_firstCall,",
            "OPERATIONAL, MANAGEMENT,  1, ON_PREMISES, rule_firstCall,",
            "OPERATIONAL, MANAGEMENT,  2, HYBRID,      rule_managementTier,",
            "OPERATIONAL, MANAGEMENT,  3, HYBRID,      rule_managementTier,",
            "OPERATIONAL, OPERATIONAL, 3, HYBRID,      rule_everyThirdCall,",
            "OPERATIONAL, OPERATIONAL, 6, HYBRID,      rule_everyThirdCall,",
            "OPERATIONAL, OPERATIONAL, 2, REMOTE,      rule_otherwise,",
            "RENEWAL,     OPERATIONAL, 4, REMOTE,      rule_otherwise,",
            "OPERATIONAL, OPERATIONAL, 3, REMOTE,      rule_costlyTravel,  5200.50",
            "OPERATIONAL, MANAGEMENT,  2, REMOTE,      rule_costlyTravel,  9000",
            "OPERATIONAL, MANAGEMENT,  2, HYBRID,      rule_managementTier, 5000",
            "OPERATIONAL, EXECUTIVE,   2, ON_PREMISES, rule_executiveTier, 9000",
            "OPERATIONAL, OPERATIONAL, 1, ON_PREMISES, rule_firstCall,     9000"})
    void decidesTheFormat(String phase, String tier, int sequence, String format, String rule, Double lastTravelCost) {
        var variables = Variables.createVariables().putValue("phase", phase).putValue("tier", tier).putValue("sequence", sequence);
        if (lastTravelCost != null) {
            // left out otherwise, as a call started before the input existed evaluates the table
            variables.putValue("lastTravelCost", lastTravelCost);
        }
        var result = decisionService.evaluateDecisionTableByKey("meeting-format").variables(variables)
                .evaluate();
        assertThat((String) result.getSingleResult().getSingleEntry()).isEqualTo(format);
        var evaluation = historyService.createHistoricDecisionInstanceQuery().decisionDefinitionKey("meeting-format")
                .includeOutputs().orderByEvaluationTime().desc().listPage(0, 1).get(0);
        assertThat(evaluation.getOutputs()).singleElement().satisfies(output -> assertThat(output.getRuleId()).isEqualTo(rule));
        matchedRules.add(rule);
    }

    @AfterAll
    void everyRuleIsCovered() {
        var definition = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("meeting-format")
                .latestVersion().singleResult();
        Set<String> rules = repositoryService.getDmnModelInstance(definition.getId()).getModelElementsByType(Rule.class)
                .stream().map(Rule::getId).collect(Collectors.toSet());
        assertThat(matchedRules).isEqualTo(rules);
    }
}
