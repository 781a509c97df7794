package org.bpogovernance.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bpogovernance.notification.Notifications;
import org.bpogovernance.testing.GovernanceTest;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mails per second delivered to GreenMail through the outbox (queued in one transaction, sent
 * after commit) next to the same number sent directly with Spring's JavaMailSender, alternating,
 * in one run. Writes {@code target/benchmarks/outbox.md}. Run with {@code -Pbenchmarks}.
 */
@Tag("benchmark")
@GovernanceTest
class OutboxDeliveryBenchmark {

    static final int MAILS = Integer.getInteger("benchmark.mails", 300);
    static final int ROUNDS = 3;

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(false);

    @Autowired
    Notifications notifications;

    @Autowired
    JavaMailSender mailSender;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    IdentityService identityService;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void outboxDeliveryRateNextToDirectSending() throws IOException {
        String user = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        var person = identityService.newUser(user);
        person.setEmail(user + "@bench.example");
        identityService.saveUser(person);
        Map<String, Object> model = Map.of("taskName", "Benchmark task", "engagementName", "Benchmark",
                "link", "http://localhost:8080/camunda/app/tasklist/", "due", "tomorrow");

        List<Double> direct = new ArrayList<>();
        List<Double> outbox = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            int before = smtp.getReceivedMessages().length;
            long start = System.nanoTime();
            for (int i = 0; i < MAILS; i++) {
                SimpleMailMessage message = new SimpleMailMessage();
                message.setFrom("governance@bpo-governance.example");
                message.setTo(user + "@bench.example");
                message.setSubject("Direct " + round + "/" + i);
                message.setText("Benchmark mail sent directly");
                mailSender.send(message);
            }
            await().atMost(Duration.ofMinutes(5)).until(() -> smtp.getReceivedMessages().length >= before + MAILS);
            direct.add(MAILS / seconds(start));

            String batch = UUID.randomUUID().toString();
            int beforeOutbox = smtp.getReceivedMessages().length;
            long queued = System.nanoTime();
            transaction.executeWithoutResult(status -> {
                for (int i = 0; i < MAILS; i++) {
                    notifications.notifyUser("bench:" + batch + ":" + i, Notifications.Kind.TASK_ASSIGNED, null, user, model);
                }
            });
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(50))
                    .until(() -> smtp.getReceivedMessages().length >= beforeOutbox + MAILS);
            outbox.add(MAILS / seconds(queued));
            assertThat(jdbc.queryForObject("select count(*) from notification_outbox where dedup_key like ? and status = 'SENT'",
                    Long.class, "bench:" + batch + ":%")).isEqualTo(MAILS);
        }
        double directMedian = median(direct);
        double outboxMedian = median(outbox);
        String rows = String.format(java.util.Locale.ROOT,
                "| mails delivered to GreenMail per second, %d mails (median of %d rounds) | %.0f/s through the outbox "
                        + "| %.0f/s sent directly with JavaMailSender | %.2fx | — |%n",
                MAILS, ROUNDS, outboxMedian, directMedian, outboxMedian / directMedian);
        Path out = Path.of("target", "benchmarks", "outbox.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, rows);
        System.out.print(rows);
        assertThat(outboxMedian).isPositive();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
