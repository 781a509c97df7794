package org.bpogovernance.servicelevel;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import org.bpogovernance.platform.DecisionTables;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Rates a value with the {@code kpi-health} decision table (bpmn/kpi-health.dmn), which officers
 * change in Camunda Modeler; the service hard-codes no bands.
 *
 * <p>The latest deployed version of the table is parsed once and evaluated in memory, without a
 * decision history entry per value (each measurement records which version rated it instead).
 * The engine's FEEL implementation takes about 0.25 ms per evaluation, which makes a file of
 * 100 000 values take half a minute; Camunda's earlier FEEL implementation evaluates the simple
 * unary tests such tables use (comparisons, strings, ranges) about fifty times faster. A version
 * of the table is rated with the fast implementation only when it parses there and agrees with the
 * engine's FEEL on a grid of probe values around the thresholds; each batch is also spot-checked
 * against the engine's FEEL. Any disagreement rates with the engine's FEEL from then on.
 */
@Component
class HealthRules {

    static final String DECISION_KEY = "kpi-health";
    private static final Logger log = LoggerFactory.getLogger(HealthRules.class);
    private static final int SPOT_CHECKS = 50;

    private final RepositoryService repositoryService;
    private final DmnEngine reference = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    private final DmnEngine fast = ((DefaultDmnEngineConfiguration) DmnEngineConfiguration
            .createDefaultDmnEngineConfiguration()).enableFeelLegacyBehavior(true).buildEngine();
    private volatile Compiled cached;

    /** A measurement's rule ({@code kpi-health:3}) as people read it: "kpi-health version 3". */
    static String inWords(String rule) {
        int colon = rule == null ? -1 : rule.lastIndexOf(':');
        return colon < 0 ? rule : DecisionTables.decidedBy(rule.substring(0, colon), Integer.parseInt(rule.substring(colon + 1)));
    }

    HealthRules(RepositoryService repositoryService) {
        this.repositoryService = repositoryService;
    }

    /** The latest deployed table, ready to rate many values; one repository query per call. */
    Rater rater() {
        DecisionDefinition latest = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION_KEY)
                .latestVersion().singleResult();
        if (latest == null) {
            throw new IllegalStateException("the decision table " + DECISION_KEY + " is not deployed");
        }
        Compiled current = cached;
        if (current == null || !current.definitionId.equals(latest.getId())) {
            byte[] model;
            try (InputStream in = repositoryService.getDecisionModel(latest.getId())) {
                model = in.readAllBytes();
            } catch (IOException unreadable) {
                throw new IllegalStateException("the decision table " + DECISION_KEY + " cannot be read", unreadable);
            }
            DmnDecision decision = reference.parseDecision(DECISION_KEY, new ByteArrayInputStream(model));
            current = new Compiled(latest.getId(), DECISION_KEY + ":" + latest.getVersion(), decision,
                    fastEquivalent(model, decision));
            cached = current;
        }
        return new Rater(current);
    }

    Health rate(MetricVersion metric, BigDecimal value) {
        return rater().rate(metric, value);
    }

    /** The table parsed for the fast implementation, if it rates every probe as the engine's FEEL does; else null. */
    private DmnDecision fastEquivalent(byte[] model, DmnDecision decision) {
        try {
            DmnDecision candidate = fast.parseDecision(DECISION_KEY, new ByteArrayInputStream(model));
            for (Direction direction : Direction.values()) {
                boolean higher = direction == Direction.HIGHER_IS_BETTER;
                double warning = higher ? 96 : 330;
                double breach = higher ? 94 : 360;
                for (double value : new double[] {-1, 0, breach - 1, breach - 0.01, breach, (breach + warning) / 2,
                        warning - 0.01, warning, warning + 0.01, breach + 1, warning + 1, 100, 1_000_000}) {
                    VariableMap variables = variables(direction, value, warning, breach);
                    if (!evaluate(reference, decision, variables).equals(evaluate(fast, candidate, variables))) {
                        log.warn("{}: the fast FEEL implementation disagrees at {} {}; rating with the engine's FEEL",
                                DECISION_KEY, direction, value);
                        return null;
                    }
                }
            }
            return candidate;
        } catch (RuntimeException unsupported) {
            log.info("{} uses FEEL beyond simple unary tests; rating with the engine's FEEL ({})", DECISION_KEY,
                    unsupported.getMessage());
            return null;
        }
    }

    private static VariableMap variables(Direction direction, double value, double warning, double breach) {
        return Variables.createVariables().putValue("direction", direction.name()).putValue("value", value)
                .putValue("warning", warning).putValue("breach", breach);
    }

    private static String evaluate(DmnEngine engine, DmnDecision decision, VariableMap variables) {
        return engine.evaluateDecisionTable(decision, variables).getSingleResult().getSingleEntry();
    }

    /** One version of the table, parsed for both implementations. */
    private static final class Compiled {
        private final String definitionId;
        private final String rule;
        private final DmnDecision decision;
        private volatile DmnDecision fastDecision;

        private Compiled(String definitionId, String rule, DmnDecision decision, DmnDecision fastDecision) {
            this.definitionId = definitionId;
            this.rule = rule;
            this.decision = decision;
            this.fastDecision = fastDecision;
        }
    }

    /** Rates one batch of values; {@link #rule()} names the version ({@code kpi-health:3}) on each measurement. */
    final class Rater {
        private final Compiled table;
        private int spotChecks = SPOT_CHECKS;

        private Rater(Compiled table) {
            this.table = table;
        }

        String rule() {
            return table.rule;
        }

        Health rate(MetricVersion metric, BigDecimal value) {
            VariableMap variables = variables(metric.getDirection(), value.doubleValue(), metric.getWarning().doubleValue(),
                    metric.getBreach().doubleValue());
            DmnDecision fastDecision = table.fastDecision;
            if (fastDecision == null) {
                return Health.valueOf(evaluate(reference, table.decision, variables));
            }
            String rated = evaluate(fast, fastDecision, variables);
            if (spotChecks > 0) {
                spotChecks--;
                String expected = evaluate(reference, table.decision, variables);
                if (!expected.equals(rated)) {
                    log.warn("{}: the fast FEEL implementation rated {} {} as {}, the engine's FEEL as {}; using the "
                            + "engine's FEEL from now on", table.rule, metric.getDirection(), value, rated, expected);
                    table.fastDecision = null;
                    return Health.valueOf(expected);
                }
            }
            return Health.valueOf(rated);
        }
    }
}
