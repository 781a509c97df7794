package org.bpogovernance.renewal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.bpogovernance.testing.GovernanceTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * renewal-recommendation, rule by rule (the matching rule read from the decision history), as
 * deployed from bpmn/renewal-recommendation.dmn; an empty figure is one without data.
 */
@GovernanceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RenewalRecommendationDecisionTest {

    @Autowired
    RenewalRecommendation recommendation;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    HistoryService historyService;

    final Set<String> matchedRules = new HashSet<>();

    @ParameterizedTest(name = "attainment {0}, {1}, credits {2}, top escalations {3}, closure {4}, satisfaction {5}, relationship {6} -> {7} ({8})")
    @CsvSource({
            "84.9,  STABLE,          0,   0, 100,  4.5,    , EXIT,        rule_serviceFailed",
            "60,    IMPROVING,       0,   0, 100,  5,    , EXIT,        rule_serviceFailed",
            "99,    STABLE,          0,   3, 100,  4.5,    , EXIT,        rule_steeringCommittee",
            "99,    STABLE,          0,   0, 100,  2.4,    , EXIT,        rule_dissatisfied",
            "94.9,  STABLE,          0,   0, 100,  4.5,    , RENEGOTIATE, rule_belowTarget",
            "97,    DECLINING,       0,   0, 100,  4.5,    , RENEGOTIATE, rule_declining",
            "99,    STABLE,          1.5, 0, 100,  4.5,    , RENEGOTIATE, rule_creditsOutstanding",
            "99,    STABLE,          0,   2, 79.9, 4.5,    , RENEGOTIATE, rule_weakFollowThrough",
            "99,    IMPROVING,       0,   0, 90,   3.4,    , RENEGOTIATE, rule_lukewarm",
            "99,    STABLE,          0,   0, 100,  4.5, 2.9, RENEGOTIATE, rule_relationshipStrained",
            "99,    STABLE,          0,   0, 100,  4.5, 3,   RENEW,       rule_healthy",
            "99,    STABLE,          0,   0, 100,  4.5,    , RENEW,       rule_healthy",
            "95,    STABLE,          0,   2, 80,   3.5,    , RENEW,       rule_healthy",
            ",      NOT_ENOUGH_DATA, 0,   0, ,     ,    , RENEW,       rule_healthy"})
    void recommends(Double attainment, String trend, Double netCredits, int topEscalations, Double closureRate,
            Double satisfaction, Double relationship, RenewalReview.Decision expected, String rule) {
        RenewalRecommendation.Advice advice = recommendation.advise(Variables.createVariables()
                .putValue("termAttainment", attainment).putValue("termTrend", trend)
                .putValue("termNetCredits", netCredits).putValue("termTopLevelEscalations", topEscalations)
                .putValue("termClosureRate", closureRate).putValue("termSatisfaction", satisfaction)
                .putValue("termRelationshipIndex", relationship));
        assertThat(advice.recommendation()).isEqualTo(expected);
        assertThat(advice.reason()).isNotBlank();
        var evaluation = historyService.createHistoricDecisionInstanceQuery()
                .decisionDefinitionKey(RenewalRecommendation.DECISION_KEY).includeOutputs().orderByEvaluationTime().desc()
                .listPage(0, 1).get(0);
        assertThat(evaluation.getOutputs()).allSatisfy(output -> assertThat(output.getRuleId()).isEqualTo(rule));
        matchedRules.add(rule);
    }

    @AfterAll
    void everyRuleIsCovered() {
        var definition = repositoryService.createDecisionDefinitionQuery()
                .decisionDefinitionKey(RenewalRecommendation.DECISION_KEY).latestVersion().singleResult();
        Set<String> rules = repositoryService.getDmnModelInstance(definition.getId()).getModelElementsByType(Rule.class)
                .stream().map(Rule::getId).collect(Collectors.toSet());
        assertThat(matchedRules).isEqualTo(rules);
    }
}
