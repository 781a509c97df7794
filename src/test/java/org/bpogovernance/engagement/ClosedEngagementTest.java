package org.bpogovernance.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bpogovernance.testing.Http.exchange;
import static org.bpogovernance.testing.Http.get;
import static org.bpogovernance.testing.Http.postJson;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.bpogovernance.testing.Engagements.Registered;
import org.bpogovernance.testing.GovernanceTest;
import org.bpogovernance.testing.Json;
import org.bpogovernance.testing.ReviewCallWalk;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Closed means closed: an officer ends an operational engagement's lifecycle in Cockpit while a
 * review call is scheduled, an action item and an escalation are open. The engagement closes, every
 * process of it ends with an audit entry, the call's invite is cancelled in everyone's calendar, and
 * nothing starts for it afterwards, through any door.
 */
@GovernanceTest
class ClosedEngagementTest {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    ManagementService managementService;

    @Autowired
    TaskService taskService;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void endingTheLifecycleClosesTheEngagementAndEverythingOfIt() {
        ReviewCallWalk walk = new ReviewCallWalk(rest, runtimeService, managementService, taskService);
        Registered engagement = walk.operationalEngagement();
        walk.measure(YearMonth.now(ReviewCallWalk.BERLIN), 97.0, 300);
        walk.callDue();
        walk.prepareAgendaAsDrafted();
        LocalDate callDay = LocalDate.now(ReviewCallWalk.BERLIN).plusDays(10);
        walk.schedule(callDay, "10:00", "REMOTE");
        postJson(rest, "olivia", "demo", engagement.path() + "/action-items", "{\"description\": \"Refresh the runbook\", "
                + "\"owner\": \"peter\", \"dueDate\": \"" + callDay.plusDays(20) + "\"}");
        postJson(rest, "clara", "demo", engagement.path() + "/escalations",
                "{\"subject\": \"Backlog keeps growing\", \"severity\": \"LOW\"}");
        assertThat(running(engagement)).contains("milestone-review", "action-item-follow-up", "escalation",
                "operational-governance", "engagement-lifecycle");

        ProcessInstance lifecycle = runtimeService.createProcessInstanceQuery().processDefinitionKey("engagement-lifecycle")
                .processInstanceBusinessKey(engagement.reference()).singleResult();
        ResponseEntity<String> cancelled = exchange(rest, "olivia", "demo", HttpMethod.DELETE,
                "/engine-rest/process-instance/" + lifecycle.getId(), null);
        assertThat(cancelled.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(running(engagement)).isEmpty();
        String record = get(rest, "olivia", "demo", engagement.path()).getBody();
        assertThat((String) Json.read(record, "$.phase")).isEqualTo("CLOSED");
        assertThat(jdbc.queryForObject("select status from review where id = (select max(id) from review where engagement_id = ?)",
                String.class, engagement.id())).isEqualTo("CANCELLED");
        assertThat(jdbc.queryForList("select status from action_item where engagement_id = ?", String.class, engagement.id()))
                .containsOnly("CANCELLED");
        assertThat(jdbc.queryForList("select resolution from escalation where engagement_id = ?", String.class, engagement.id()))
                .containsOnly("WITHDRAWN");
        assertThat(jdbc.queryForList("select recipient_user_id from notification_outbox where engagement_id = ? "
                + "and kind = 'meeting-cancelled'", String.class, engagement.id()))
                .contains("clara", "peter", "olivia", "sam");
        assertThat(jdbc.queryForList("select recipient_user_id || ': ' || subject from notification_outbox "
                + "where engagement_id = ? and kind = 'engagement-closed'", String.class, engagement.id()))
                .containsExactlyInAnyOrder("clara: [BPO governance] Engagement closed: " + name(engagement),
                        "peter: [BPO governance] Engagement closed: " + name(engagement),
                        "olivia: [BPO governance] Engagement closed: " + name(engagement),
                        "sam: [BPO governance] Engagement closed: " + name(engagement));
        List<String> audit = jdbc.queryForList("select action || ': ' || details from audit_entry where entity_id = ? "
                + "and entity_type = 'engagement'", String.class, String.valueOf(engagement.id()));
        assertThat(audit).anyMatch(entry -> entry.startsWith("PROCESS_ENDED: Milestone review call"))
                .anyMatch(entry -> entry.startsWith("REVIEW_CANCELLED: Operational review 1"))
                .anyMatch(entry -> entry.startsWith("MEETING_CANCELLED"))
                .anyMatch(entry -> entry.equals("PHASE_CHANGED: OPERATIONAL -> CLOSED"));

        // Nothing starts for it afterwards: not through /api, not through /engine-rest.
        ResponseEntity<String> raised = postJson(rest, "clara", "demo", engagement.path() + "/escalations",
                "{\"subject\": \"One more thing\", \"severity\": \"LOW\"}");
        assertThat(raised.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        ResponseEntity<String> started = postJson(rest, "olivia", "demo", "/engine-rest/process-definition/key/"
                + "action-item-follow-up/start", "{\"variables\": {\"engagementId\": {\"value\": " + engagement.id()
                + ", \"type\": \"Long\"}}}");
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) Json.read(started.getBody(), "$.message")).contains("Engagement id", "is closed",
                "nothing starts for it");
        // someone of no part in it who names its id learns nothing of it
        ResponseEntity<String> outsider = postJson(rest, "carl", "demo", "/engine-rest/process-definition/key/"
                + "escalation/start", "{\"variables\": {\"engagementId\": {\"value\": " + engagement.id()
                + ", \"type\": \"Long\"}}}");
        assertThat(outsider.getStatusCode().is4xxClientError()).as(outsider.getBody()).isTrue();
        assertThat(outsider.getBody()).doesNotContain(name(engagement));
        assertThat(running(engagement)).isEmpty();
    }

    private String name(Registered engagement) {
        return jdbc.queryForObject("select name from engagement where id = ?", String.class, engagement.id());
    }

    private List<String> running(Registered engagement) {
        return runtimeService.createProcessInstanceQuery().variableValueEquals("engagementId", engagement.id()).list()
                .stream().map(instance -> instance.getProcessDefinitionId().split(":")[0]).toList();
    }
}
