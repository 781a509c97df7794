package org.bpogovernance.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bpogovernance.testing.Http.get;
import static org.bpogovernance.testing.Http.postJson;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bpogovernance.testing.Engagements;
import org.bpogovernance.testing.Engagements.Registered;
import org.bpogovernance.testing.GovernanceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** What Prometheus scrapes: the governance gauges agree with the tables, next to the engine's own. */
@GovernanceTest
class GovernanceMetricsTest {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    GovernanceMetrics metrics;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theGaugesCountWhatIsOpen() {
        Registered engagement = Engagements.register(rest, LocalDate.now().withDayOfMonth(1), LocalDate.now().plusYears(2));
        assertThat(postJson(rest, "clara", "demo", engagement.path() + "/escalations",
                "{\"subject\": \"Reports arrive late\", \"severity\": \"LOW\"}").getStatusCode()).isEqualTo(HttpStatus.CREATED);

        metrics.refresh();
        ResponseEntity<String> scrape = get(rest, "olivia", "demo", "/actuator/prometheus");

        assertThat(scrape.getStatusCode()).isEqualTo(HttpStatus.OK);
        String text = scrape.getBody();
        long onboarding = jdbc.queryForObject("select count(*) from engagement where phase = 'ONBOARDING'", Long.class);
        long onboardingWithoutData = jdbc.queryForObject("""
                select count(*) from engagement e where phase = 'ONBOARDING' and not exists (
                  select 1 from measurement m join service_metric s on s.id = m.metric_id where s.engagement_id = e.id)""",
                Long.class);
        assertThat(value(text, "governance_engagements\\{health=\"NO_DATA\",phase=\"ONBOARDING\"\\}"))
                .isEqualTo(onboardingWithoutData).isLessThanOrEqualTo(onboarding);
        for (int level = 1; level <= 3; level++) {
            long open = jdbc.queryForObject("select count(*) from escalation where status = 'OPEN' and level = ?", Long.class, level);
            assertThat(value(text, "governance_escalations_open\\{level=\"" + level + "\"\\}")).as("level " + level).isEqualTo(open);
        }
        // The outbox sender moves messages between statuses meanwhile; together they are every message.
        long messages = jdbc.queryForObject("select count(*) from notification_outbox", Long.class);
        long counted = 0;
        for (String status : List.of("PENDING", "SENDING", "SENT", "FAILED", "UNDELIVERABLE")) {
            counted += value(text, "governance_outbox_messages\\{status=\"" + status + "\"\\}");
        }
        assertThat(counted).isEqualTo(messages).isPositive();
        assertThat(value(text, "governance_tasks_open\\{group=\"governance-officers\"\\}")).isPositive();
        assertThat(value(text, "camunda_process_instances_running\\{process=\"engagement-lifecycle\"\\}")).isPositive();
        assertThat(text).contains("governance_tasks_overdue ", "governance_action_items_overdue ", "camunda_incidents_open ",
                "camunda_jobs_failed ", "camunda_engine_activity_instance_start ", "jvm_memory_used_bytes");
    }

    private static long value(String scrape, String series) {
        Matcher matcher = Pattern.compile("(?m)^" + series + " ([0-9.Ee+-]+)$").matcher(scrape);
        assertThat(matcher.find()).as(series + " in the scrape").isTrue();
        return (long) Double.parseDouble(matcher.group(1));
    }
}
