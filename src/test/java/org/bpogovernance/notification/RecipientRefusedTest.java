package org.bpogovernance.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.bpogovernance.testing.RefusingSmtpServer;
import org.bpogovernance.testing.RunningService;
import org.bpogovernance.testing.TestDatabase;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An SMTP server that refuses one recipient: that entry fails with the server's reply, the others go out. */
@Tag("database")
@Tag("own-jvm")
@ExtendWith(TestDatabase.class)
class RecipientRefusedTest {

    @Test
    void aRefusedRecipientFailsWithTheServersReplyAndTheOthersAreSent() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        try (RefusingSmtpServer smtp = new RefusingSmtpServer("gone-" + suffix + "@participants.example");
                RunningService service = RunningService.start("./target/test-data/refused-" + suffix,
                        "--spring.mail.port=" + smtp.port())) {
            IdentityService identity = service.bean(IdentityService.class);
            for (String user : new String[] {"gone-" + suffix, "here-" + suffix}) {
                var person = identity.newUser(user);
                person.setEmail(user + "@participants.example");
                identity.saveUser(person);
                service.bean(RuntimeService.class).startProcessInstanceByKey("notification-check",
                        Variables.createVariables().putValue("assignee", user).putValue("due", null));
            }
            OutboxRepository outbox = service.bean(OutboxRepository.class);

            await().atMost(Duration.ofSeconds(20)).until(() -> entry(outbox, "gone-" + suffix).getStatus()
                    == OutboxEntry.Status.FAILED && entry(outbox, "here-" + suffix).getStatus() == OutboxEntry.Status.SENT);

            OutboxEntry refused = entry(outbox, "gone-" + suffix);
            assertThat(refused.getLastError()).contains("550 5.1.1", "Recipient address rejected");
            assertThat(refused.getAttempts()).as("a refusal is not retried").isOne();
            assertThat(smtp.delivered()).containsExactly("here-" + suffix + "@participants.example");
        }
    }

    private static OutboxEntry entry(OutboxRepository outbox, String user) {
        return outbox.findAllByOrderByIdDesc(org.springframework.data.domain.Pageable.ofSize(50)).stream()
                .filter(e -> user.equals(e.getRecipientUserId())).findFirst().orElseThrow();
    }
}
