package org.bpogovernance.servicelevel;

import java.math.BigDecimal;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Rates a value with the {@code kpi-health} decision table (bpmn/kpi-health.dmn), which officers
 * change in Camunda Modeler; the service hard-codes no bands.
 */
@Component
class HealthRules {

    static final String DECISION_KEY = "kpi-health";

    private final DecisionService decisionService;

    HealthRules(DecisionService decisionService) {
        this.decisionService = decisionService;
    }

    Health rate(MetricVersion metric, BigDecimal value) {
        String health = decisionService.evaluateDecisionTableByKey(DECISION_KEY)
                .variables(Variables.createVariables()
                        .putValue("direction", metric.getDirection().name())
                        .putValue("value", value.doubleValue())
                        .putValue("warning", metric.getWarning().doubleValue())
                        .putValue("breach", metric.getBreach().doubleValue()))
                .evaluate()
                .getSingleResult()
                .getSingleEntry();
        return Health.valueOf(health);
    }
}
