package org.bpogovernance.escalation;

import java.util.Map;
import org.bpogovernance.platform.DecisionTables;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The starting level and candidate group of an escalation from the {@code escalation-routing}
 * decision table (bpmn/escalation-routing.dmn), which officers change in Camunda Modeler.
 */
@Component
class EscalationRouting {

    static final String DECISION_KEY = "escalation-routing";

    /** The starting level and group, and which version of the table decided them ("escalation-routing version 2"). */
    record Route(int startLevel, String candidateGroup, String decidedBy) {
    }

    private final DecisionTables decisionTables;

    EscalationRouting(DecisionTables decisionTables) {
        this.decisionTables = decisionTables;
    }

    Route route(Escalation.Trigger trigger, Escalation.Severity severity) {
        DecisionTables.Decided decided = decisionTables.evaluate(DECISION_KEY,
                Variables.createVariables().putValue("trigger", trigger.name()).putValue("severity", severity.name()));
        Map<String, Object> result = decided.result();
        int level = ((Number) result.get("startLevel")).intValue();
        return new Route(Math.max(1, Math.min(Escalation.TOP_LEVEL, level)), (String) result.get("candidateGroup"),
                decided.decidedBy());
    }
}
