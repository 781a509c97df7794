package org.bpogovernance.renewal;

import java.math.BigDecimal;
import java.util.Map;
import org.bpogovernance.platform.DecisionTables;
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

    /** The table's advice and which version of it gave the advice ("renewal-recommendation version 2"). */
    record Advice(RenewalReview.Decision recommendation, String reason, String decidedBy) {
    }

    private final DecisionTables decisionTables;

    RenewalRecommendation(DecisionTables decisionTables) {
        this.decisionTables = decisionTables;
    }

    Advice advise(TermSummary summary) {
        return advise(inputs(summary));
    }

    Advice advise(VariableMap inputs) {
        DecisionTables.Decided decided = decisionTables.evaluate(DECISION_KEY, inputs);
        Map<String, Object> result = decided.result();
        return new Advice(RenewalReview.Decision.valueOf((String) result.get("recommendation")), (String) result.get("reason"),
                decided.decidedBy());
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
