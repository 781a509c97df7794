package org.bpogovernance.escalation;

import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The starting level and candidate group of an escalation from the {@code escalation-routing}
 * decision table (bpmn/escalation-routing.dmn), which officers change in Camunda Modeler.
 */
@Component
class EscalationRouting {

    static final String DECISION_KEY = "escalation-routing";

    record Route(int startLevel, String candidateGroup) {
    }

    private final DecisionService decisionService;

    EscalationRouting(DecisionService decisionService) {
        this.decisionService = decisionService;
    }

    Route route(Escalation.Trigger trigger, Escalation.Severity severity) {
        Map<String, Object> result = decisionService.evaluateDecisionTableByKey(DECISION_KEY)
                .variables(Variables.createVariables().putValue("trigger", trigger.name()).putValue("severity", severity.name()))
                .evaluate().getSingleResult().getEntryMap();
        int level = ((Number) result.get("startLevel")).intValue();
        return new Route(Math.max(1, Math.min(Escalation.TOP_LEVEL, level)), (String) result.get("candidateGroup"));
    }
}
