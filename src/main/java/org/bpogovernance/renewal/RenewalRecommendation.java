package org.bpogovernance.renewal;

import java.math.BigDecimal;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The governance office's advice at the end of a term, from the {@code renewal-recommendation}
 * decision table (bpmn/renewal-recommendation.dmn), which officers change in Camunda Modeler.
 */
@Component
class RenewalRecommendation {

    static final String DECISION_KEY = "renewal-recommendation";

    record Advice(RenewalReview.Decision recommendation, String reason) {
    }

    private final DecisionService decisionService;

    RenewalRecommendation(DecisionService decisionService) {
        this.decisionService = decisionService;
    }

    Advice advise(TermSummary summary) {
        return advise(inputs(summary));
    }

    Advice advise(VariableMap inputs) {
        Map<String, Object> result = decisionService.evaluateDecisionTableByKey(DECISION_KEY).variables(inputs)
                .evaluate().getSingleResult().getEntryMap();
        return new Advice(RenewalReview.Decision.valueOf((String) result.get("recommendation")), (String) result.get("reason"));
    }

    /** The table's inputs from a summary; a figure without data stays null. */
    static VariableMap inputs(TermSummary summary) {
        return Variables.createVariables()
                .putValue("termAttainment", number(summary.attainment()))
                .putValue("termTrend", summary.trend().name())
                .putValue("termNetCredits", number(summary.netCredits()))
                .putValue("termTopLevelEscalations", (int) summary.topLevelEscalations())
                .putValue("termClosureRate", number(summary.actions().closureRate()))
                .putValue("termSatisfaction", number(summary.satisfaction()))
                .putValue("termRelationshipIndex", number(summary.relationship().index()));
    }

    private static Double number(BigDecimal value) {
        return value == null ? null : value.doubleValue();
    }
}
