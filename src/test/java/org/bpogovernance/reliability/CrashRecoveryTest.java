package org.bpogovernance.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bpogovernance.testing.ServiceProcess;
import org.bpogovernance.testing.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.web.client.ResourceAccessException;

/**
 * The service process is killed (SIGKILL) while 200 review calls (20 on H2) are being worked by
 * eight people at once, started again, and the calls are finished. Every engagement, review,
 * sign-off and action item is there once, every call ended, and every mail the outbox holds
 * reached the SMTP server: each once, but for at most one mail per killed sender, the one whose
 * SMTP transaction had completed when the process died and whose "sent" mark had not yet been
 * committed (SMTP has no exactly-once; that resend carries the same Message-ID, so a mail client
 * shows it once).
 */
@Tag("reliability")
@Tag("database")
@ExtendWith(TestDatabase.class)
class CrashRecoveryTest {

    /** 200 on PostgreSQL, the production database; 20 on H2, to keep CI's run short (override with -Dreliability.review-calls). */
    static final int CALLS = Integer.getInteger("reliability.review-calls", TestDatabase.onPostgres() ? 200 : 20);
    static final int PEOPLE = 8;

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    final String dataDir = "./target/test-data/crash-" + UUID.randomUUID();
    final AtomicInteger steps = new AtomicInteger();
    final List<String> serverErrors = Collections.synchronizedList(new ArrayList<>());

    @Test
    void aKilledServiceFinishesEveryReviewCallAndLosesOrDoublesNothing() throws Exception {
        String jdbcUrl;
        List<String> arguments = new ArrayList<>();
        if (TestDatabase.onPostgres()) {
            jdbcUrl = TestDatabase.freshSideDatabase("governance_crash")[0];
            arguments.addAll(Reliability.onPostgres(jdbcUrl, smtp));
        } else {
            jdbcUrl = "jdbc:h2:file:" + dataDir + "/governance";
            arguments.addAll(List.of("--spring.profiles.active=test", "--governance.data-dir=" + dataDir,
                    "--camunda.bpm.job-execution.enabled=true", "--spring.mail.port=" + smtp.getSmtp().getPort(),
                    "--governance.demo.engagements=false"));
        }
        try (ServiceProcess service = ServiceProcess.start("crash-" + (TestDatabase.onPostgres() ? "postgres" : "h2"),
                arguments.toArray(String[]::new))) {
            TestRestTemplate rest = service.http();
            ExecutorService people = Executors.newFixedThreadPool(PEOPLE);
            List<Future<String>> calls = new ArrayList<>();
            for (int i = 0; i < CALLS; i++) {
                calls.add(people.submit(() -> ReviewCallsOverHttp.reviewCallDue(rest, ReviewCallsOverHttp.operationalEngagement(rest))));
            }
            ConcurrentLinkedQueue<String> inFlight = new ConcurrentLinkedQueue<>();
            for (Future<String> call : calls) {
                inFlight.add(call.get(10, TimeUnit.MINUTES));
            }
            assertThat(inFlight).hasSize(CALLS);

            // Eight people work the calls; the service dies when about a third of the steps are done.
            List<Future<?>> work = new ArrayList<>();
            for (int p = 0; p < PEOPLE; p++) {
                work.add(people.submit(() -> workCalls(rest, inFlight)));
            }
            int killAt = CALLS * 9 / 3;
            while (steps.get() < killAt) {
                ServiceProcess.sleep(Duration.ofMillis(20));
            }
            service.kill();
            int stepsAtKill = steps.get();
            service.restart();
                        for (Future<?> person : work) {
                person.get(15, TimeUnit.MINUTES);
            }
            people.shutdown();
            assertThat(stepsAtKill).as("killed with calls in flight").isLessThan(steps.get());
            assertThat(serverErrors).as("unexpected answers").isEmpty();
            // some 5 000 mails at the outbox's 20 a second (one SMTP connection each, see docs/benchmarks.md)
            Reliability.awaitOutboxEmpty(rest, Duration.ofMinutes(10));
        }

        try (Connection connection = DriverManager.getConnection(jdbcUrl, TestDatabase.onPostgres() ? "postgres" : "sa", "")) {
            JdbcTemplate db = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
            assertThat(db.queryForObject("SELECT COUNT(DISTINCT contract_reference) FROM engagement", Integer.class)).isEqualTo(CALLS);
            assertThat(db.queryForObject("SELECT COUNT(*) FROM engagement", Integer.class)).isEqualTo(CALLS);
            assertThat(db.queryForList("SELECT COUNT(*) AS n FROM charter_sign_off GROUP BY engagement_id", Integer.class))
                    .hasSize(CALLS).containsOnly(2);
            assertThat(db.queryForList("SELECT COUNT(*) AS n FROM review GROUP BY engagement_id", Integer.class))
                    .as("one review per engagement").hasSize(CALLS).containsOnly(1);
            assertThat(db.queryForList("SELECT status FROM review", String.class)).hasSize(CALLS).containsOnly("SIGNED_OFF");
            assertThat(db.queryForList("SELECT satisfaction_score FROM review", Integer.class)).containsOnly(4);
            assertThat(db.queryForList("SELECT COUNT(*) FROM review_sign_off GROUP BY review_id", Integer.class))
                    .as("two sign-offs per review").hasSize(CALLS).containsOnly(2);
            assertThat(db.queryForList("SELECT COUNT(*) FROM review_attendance GROUP BY review_id", Integer.class))
                    .hasSize(CALLS).allSatisfy(invited -> assertThat(invited).isGreaterThanOrEqualTo(3));
            assertThat(db.queryForList("SELECT COUNT(*) FROM action_item GROUP BY review_id", Integer.class))
                    .as("one action item per review").hasSize(CALLS).containsOnly(1);
            assertThat(db.queryForObject("SELECT COUNT(*) FROM act_hi_procinst WHERE proc_def_key_ = 'milestone-review' "
                    + "AND end_time_ IS NOT NULL", Integer.class)).isEqualTo(CALLS);
            assertThat(db.queryForObject("SELECT COUNT(*) FROM act_ru_incident", Integer.class)).isZero();

            List<Map<String, Object>> outbox = db.queryForList("SELECT id, status FROM notification_outbox");
            assertThat(outbox).extracting(row -> row.get("status")).isSubsetOf("SENT", "UNDELIVERABLE");
            Set<String> sent = new HashSet<>();
            outbox.stream().filter(row -> "SENT".equals(row.get("status")))
                    .forEach(row -> sent.add("<outbox-" + row.get("id") + "@bpo-governance>"));
            List<String> received = Reliability.receivedMessageIds(smtp);
            assertThat(new HashSet<>(received)).as("every mail sent reached the server").isEqualTo(sent);
            assertThat(received.size() - sent.size()).as("mails received twice (the one in transit at the kill)")
                    .isLessThanOrEqualTo(1);
        }
    }

    /** One person: takes calls off the queue and works each to its end, waiting out the service's absence. */
    private void workCalls(TestRestTemplate rest, ConcurrentLinkedQueue<String> calls) {
        for (String call = calls.poll(); call != null; call = calls.poll()) {
            boolean running = true;
            while (running) {
                try {
                    running = ReviewCallsOverHttp.step(rest, call);
                    steps.incrementAndGet();
                } catch (ResourceAccessException serviceGone) {
                    ServiceProcess.sleep(Duration.ofSeconds(1));
                } catch (AssertionError unexpectedAnswer) {
                    serverErrors.add(call + ": " + unexpectedAnswer.getMessage());
                    running = false; // the call stays unfinished, which the record check reports
                }
            }
        }
    }
}
