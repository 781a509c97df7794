package org.bpogovernance.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bpogovernance.testing.Http.get;
import static org.bpogovernance.testing.Http.postJson;

import com.icegreen.greenmail.base.GreenMailOperations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bpogovernance.testing.Json;
import org.bpogovernance.testing.ServiceProcess;
import org.bpogovernance.testing.TestDatabase;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The settings a test gives the service processes it starts, and the engine-rest calls it makes of them. */
final class Reliability {

    private Reliability() {
    }

    /** Arguments for a service process on the given PostgreSQL database, job executor on, mail to GreenMail. */
    static List<String> onPostgres(String jdbcUrl, GreenMailOperations smtp, String... more) {
        List<String> arguments = new ArrayList<>(List.of("--spring.profiles.active=postgres,test,test-postgres",
                "--spring.datasource.url=" + jdbcUrl, "--camunda.bpm.job-execution.enabled=true",
                "--spring.mail.port=" + smtp.getSmtp().getPort(), "--governance.demo.engagements=false",
                "--logging.level.org.bpogovernance.notification.OutboxSender=warn"));
        arguments.addAll(List.of(more));
        return arguments;
    }

    /** A URL to a database on the test PostgreSQL server, through the given port. */
    static String postgresUrl(String database, int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Skipped unless the test runs on PostgreSQL (the reliability profile's PostgreSQL pass). */
    static boolean postgresReady() {
        return TestDatabase.onPostgres() && TestDatabase.preparePostgres();
    }

    /** Waits until the outbox has sent (or given up on) every mail, as the officer sees it at {@code /api/notifications}. */
    static void awaitOutboxEmpty(TestRestTemplate rest, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        long waiting;
        do {
            ServiceProcess.sleep(Duration.ofSeconds(1));
            waiting = 0;
            for (String status : List.of("PENDING", "SENDING")) {
                waiting += ((Number) Json.read(get(rest, "olivia", "demo", "/api/notifications?size=1&status=" + status).getBody(),
                        "$.page.totalElements")).longValue();
            }
        } while (waiting > 0 && System.nanoTime() < deadline);
        assertThat(waiting).as("mails still waiting in the outbox after " + patience).isZero();
    }

    /** The Message-ID of every mail the SMTP server received, duplicates included. */
    static List<String> receivedMessageIds(GreenMailOperations smtp) throws jakarta.mail.MessagingException {
        List<String> ids = new ArrayList<>();
        for (jakarta.mail.internet.MimeMessage message : smtp.getReceivedMessages()) {
            ids.add(message.getMessageID());
        }
        return ids;
    }

    /** Starts a cluster-check instance through engine-rest as the administrator; its id. */
    static String startClusterCheck(TestRestTemplate rest, String businessKey, String wait) {
        ResponseEntity<String> started = postJson(rest, "admin", "admin-test-password",
                "/engine-rest/process-definition/key/cluster-check/start", """
                {"businessKey": "%s", "variables": {"wait": {"value": "%s"}, "assignee": {"value": "olivia"}}}"""
                        .formatted(businessKey, wait));
        assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.OK);
        return Json.read(started.getBody(), "$.id");
    }
}
