package org.bpogovernance.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.bpogovernance.testing.GovernanceTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * escalation-routing, rule by rule (the matching rule read from the decision history), as
 * deployed from bpmn/escalation-routing.dmn and called by the escalation service.
 */
@GovernanceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EscalationRoutingDecisionTest {

    @Autowired
    EscalationRouting routing;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    HistoryService historyService;

    final Set<String> matchedRules = new HashSet<>();

    @ParameterizedTest(name = "{0} {1} -> level {2}, {3} ({4})")
    @CsvSource({
            "KPI_BREACH,        CRITICAL, 3, governance-officers, rule_critical",
            "MANUAL,            CRITICAL, 3, governance-officers, rule_critical",
            "OVERDUE_ACTION,    CRITICAL, 3, governance-officers, rule_critical",
            "RENEWAL_UNDECIDED, CRITICAL, 3, governance-officers, rule_critical",
            "SIGN_OFF_DISPUTE,  HIGH,     3, governance-officers, rule_signOffDispute",
            "SIGN_OFF_DISPUTE,  LOW,      3, governance-officers, rule_signOffDispute",
            "KPI_BREACH,        HIGH,     2, governance-officers, rule_breachHigh",
            "REJECTED_SIGN_OFF, LOW,      2, governance-officers, rule_disputedMinutes",
            "REJECTED_SIGN_OFF, HIGH,     2, governance-officers, rule_disputedMinutes",
            "MANUAL,            HIGH,     2, governance-officers, rule_manualHigh",
            "KPI_BREACH,        MEDIUM,   1, governance-officers, rule_otherwise",
            "REPEATED_WARNINGS, HIGH,     1, governance-officers, rule_otherwise",
            "OVERDUE_ACTION,    HIGH,     1, governance-officers, rule_otherwise",
            "MANUAL,            LOW,      1, governance-officers, rule_otherwise"})
    void routesTheEscalation(Escalation.Trigger trigger, Escalation.Severity severity, int level, String group, String rule) {
        EscalationRouting.Route route = routing.route(trigger, severity);
        var latest = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(EscalationRouting.DECISION_KEY)
                .latestVersion().singleResult();
        assertThat(route).isEqualTo(new EscalationRouting.Route(level, group,
                "escalation-routing version " + latest.getVersion()));
        var evaluation = historyService.createHistoricDecisionInstanceQuery()
                .decisionDefinitionKey(EscalationRouting.DECISION_KEY).includeOutputs().orderByEvaluationTime().desc()
                .listPage(0, 1).get(0);
        assertThat(evaluation.getOutputs()).allSatisfy(output -> assertThat(output.getRuleId()).isEqualTo(rule));
        matchedRules.add(rule);
    }

    @AfterAll
    void everyRuleIsCovered() {
        var definition = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(EscalationRouting.DECISION_KEY)
                .latestVersion().singleResult();
        Set<String> rules = repositoryService.getDmnModelInstance(definition.getId()).getModelElementsByType(Rule.class)
                .stream().map(Rule::getId).collect(Collectors.toSet());
        assertThat(matchedRules).isEqualTo(rules);
    }
}
