package org.bpogovernance.servicelevel;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import org.bpogovernance.testing.GovernanceTest;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Health is rated by whatever kpi-health version is deployed last, also when an officer writes
 * FEEL that only the engine's own FEEL implementation understands; each rating names the version.
 */
@GovernanceTest
class HealthRulesTest {

    @Autowired
    HealthRules healthRules;

    @Autowired
    RepositoryService repositoryService;

    @Test
    void aTableWithRicherFeelIsStillRatedAndTheRatingNamesItsVersion() throws Exception {
        String original = Files.readString(Path.of("bpmn/kpi-health.dmn"));
        MetricVersion handlingTime = new MetricVersion(1L, 1, YearMonth.of(2026, 1), new MetricDefinition("AHT",
                "Average handling time", null, "s", Direction.LOWER_IS_BETTER, BigDecimal.valueOf(300),
                BigDecimal.valueOf(330), BigDecimal.valueOf(360), BigDecimal.TEN, BigDecimal.ONE, BigDecimal.ONE, 0),
                Instant.now(), "test");
        try {
            // Arithmetic in an input entry: FEEL 1.3, which the fast (older) FEEL cannot parse.
            String richer = original.replace("&gt; breach", "&gt; breach + 0").replace("&gt; warning", "&gt; warning * 1");
            assertThat(richer).isNotEqualTo(original);
            int version = deploy(richer);
            HealthRules.Rater rater = healthRules.rater();
            assertThat(rater.rule()).isEqualTo("kpi-health:" + version);
            assertThat(rater.rate(handlingTime, BigDecimal.valueOf(361))).isEqualTo(Health.RED);
            assertThat(rater.rate(handlingTime, BigDecimal.valueOf(360))).isEqualTo(Health.AMBER);
            assertThat(rater.rate(handlingTime, BigDecimal.valueOf(330))).isEqualTo(Health.GREEN);
        } finally {
            int restored = deploy(original);
            assertThat(healthRules.rater().rule()).isEqualTo("kpi-health:" + restored);
        }
        assertThat(healthRules.rater().rate(handlingTime, BigDecimal.valueOf(331))).isEqualTo(Health.AMBER);
    }

    private int deploy(String dmn) {
        var deployment = repositoryService.createDeployment().name("health-rules-test")
                .addString("kpi-health.dmn", new String(dmn.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                .deploy();
        return repositoryService.createDecisionDefinitionQuery().deploymentId(deployment.getId()).singleResult().getVersion();
    }
}
