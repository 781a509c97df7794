package org.bpogovernance.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bpogovernance.testing.Http.get;
import static org.bpogovernance.testing.Http.postJson;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.bpogovernance.testing.Json;
import org.bpogovernance.testing.Modeler;
import org.bpogovernance.testing.ServiceProcess;
import org.bpogovernance.testing.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Two nodes of the service on one PostgreSQL database, each with its job executor
 * (deployment-aware off): a model deployed from Camunda Modeler to node A runs on both, instances
 * started on either node have their timers fired once, by both nodes between them, each task's
 * mail is sent once, and people finish the work on either node.
 */
@Tag("reliability")
class ClusterTest {

    static final int INSTANCES = 300;

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Test
    void twoNodesShareTheWorkAndDoEachThingOnce() throws Exception {
        assumeTrue(Reliability.postgresReady(), "runs in the reliability profile's PostgreSQL pass");
        String database = "governance_cluster";
        String url = TestDatabase.freshSideDatabase(database)[0];
        try (ServiceProcess nodeA = ServiceProcess.start("cluster-node-a", node(url, "A"));
                ServiceProcess nodeB = ServiceProcess.start("cluster-node-b", node(url, "B"))) {
            TestRestTemplate a = nodeA.http();
            TestRestTemplate b = nodeB.http();
            ResponseEntity<String> deployed = Modeler.deploy(a, "olivia", "demo", "cluster-check.bpmn",
                    Modeler.testModel("cluster-check.bpmn"));
            assertThat(deployed.getStatusCode()).as(deployed.getBody()).isEqualTo(HttpStatus.OK);

            for (int i = 0; i < INSTANCES; i++) {
                Reliability.startClusterCheck(i % 2 == 0 ? b : a, "CLUSTER-" + i, "PT5S");
            }
            List<String> tasks = awaitTasks(a, Duration.ofMinutes(3));
            assertThat(tasks).hasSize(INSTANCES);
            Reliability.awaitOutboxEmpty(b, Duration.ofMinutes(2));

            try (Connection connection = DriverManager.getConnection(url, "postgres", "")) {
                JdbcTemplate db = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
                List<Map<String, Object>> firings = db.queryForList("SELECT entity_id, details FROM audit_entry "
                        + "WHERE entity_type = 'cluster-check' AND action = 'TIMER_FIRED'");
                assertThat(firings).as("each timer fired once").hasSize(INSTANCES)
                        .extracting(row -> row.get("entity_id")).doesNotHaveDuplicates();
                assertThat(firings).as("by both nodes").extracting(row -> row.get("details")).contains("A", "B");
                List<String> sent = db.queryForList("SELECT '<outbox-' || id || '@bpo-governance>' FROM notification_outbox "
                        + "WHERE status = 'SENT'", String.class);
                assertThat(sent).as("one mail per task").hasSize(INSTANCES);
                assertThat(Reliability.receivedMessageIds(smtp)).as("each of them received once")
                        .containsExactlyInAnyOrderElementsOf(sent);
            }

            for (int i = 0; i < tasks.size(); i++) {
                ResponseEntity<String> done = postJson(i % 2 == 0 ? a : b, "olivia", "demo",
                        "/engine-rest/task/" + tasks.get(i) + "/complete", "{}");
                assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
            }
            assertThat(Json.<List<Object>>read(get(b, "admin", ReviewCallsOverHttp.ADMIN_PASSWORD,
                    "/engine-rest/process-instance?processDefinitionKey=cluster-check").getBody(), "$[*]")).isEmpty();
        }
    }

    private static String[] node(String url, String name) {
        return Reliability.onPostgres(url, smtp, "--governance.node-name=" + name,
                // acquire often, so both nodes are awake when the timers fall due
                "--camunda.bpm.job-execution.wait-time-in-millis=500", "--camunda.bpm.job-execution.max-wait=1000")
                .toArray(String[]::new);
    }

    private static List<String> awaitTasks(TestRestTemplate rest, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            List<String> tasks = Json.read(get(rest, "olivia", "demo", "/engine-rest/task?processDefinitionKey=cluster-check"
                    + "&maxResults=" + (INSTANCES + 10)).getBody(), "$[*].id");
            if (tasks.size() >= INSTANCES || System.nanoTime() > deadline) {
                return tasks;
            }
            ServiceProcess.sleep(Duration.ofSeconds(1));
        }
    }
}
