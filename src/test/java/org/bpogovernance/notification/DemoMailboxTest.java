package org.bpogovernance.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.bpogovernance.testing.Http.download;
import static org.bpogovernance.testing.Http.get;

import com.icegreen.greenmail.util.GreenMail;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.bpogovernance.testing.Engagements;
import org.bpogovernance.testing.Engagements.Registered;
import org.bpogovernance.testing.Json;
import org.bpogovernance.testing.Mail;
import org.bpogovernance.testing.Pdf;
import org.bpogovernance.testing.RunningService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The demo without a mail server: the service runs its own (GreenMail, in-process, on a port of its
 * own) and officers and the administrator read every mail at /mailbox; participants may not. With
 * a mail server configured there is no mailbox at all.
 */
@Tag("own-jvm")
class DemoMailboxTest {

    @Test
    void withTheDemoOnAndNoMailServerOfficersReadEveryMailSent() throws Exception {
        try (RunningService service = RunningService.start("./target/test-data/mailbox-" + UUID.randomUUID(),
                "--spring.mail.host=", "--governance.demo.smtp-port=0", "--governance.public-url=")) {
            TestRestTemplate rest = service.http();
            Registered engagement = Engagements.register(rest, LocalDate.now().plusMonths(1), LocalDate.now().plusYears(2));
            Engagements.onboard(service.bean(TaskService.class), engagement);

            // The kick-off invites and the signed charter went through the service's own mail server.
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                String mails = get(rest, "olivia", "demo", "/api/mailbox").getBody();
                return ((List<String>) Json.read(mails, "$[?(@.subject =~ /.*Charter signed.*/)].status")).contains("sent")
                        && ((List<String>) Json.read(mails, "$[?(@.calendar != null)].status")).contains("sent");
            });
            String mails = get(rest, "admin", "admin-test-password", "/api/mailbox").getBody();
            assertThat((List<String>) Json.read(mails, "$[*].to")).contains("Clara Client <clara@demo.bpo-governance.example>");
            String invite = Json.<List<String>>read(mails, "$[?(@.calendar != null)].calendar").get(0);
            String charterMail = String.valueOf(Json.<List<Object>>read(mails, "$[?(@.attachment != null)].id").get(0));

            ResponseEntity<String> page = get(rest, "olivia", "demo", "/mailbox");
            assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(page.getHeaders().getContentType().toString()).startsWith("text/html");
            assertThat(page.getBody()).contains("Demo mailbox", "Clara Client &lt;clara@demo.bpo-governance.example&gt;",
                    "Charter signed: Litware claims " + engagement.reference(), "Calendar (.ics)",
                    "charter-" + engagement.reference().toLowerCase() + ".pdf");
            assertThat(Mail.parse(get(rest, "olivia", "demo", invite).getBody()).getProperty("METHOD").orElseThrow()
                    .getValue()).isEqualTo("REQUEST");
            ResponseEntity<String> html = get(rest, "olivia", "demo", "/mailbox/" + charterMail + "/html");
            assertThat(html.getBody()).contains("is signed by both parties");
            assertThat(html.getHeaders().getFirst("Content-Security-Policy")).contains("sandbox");
            assertThat(get(rest, "olivia", "demo", "/mailbox/" + charterMail + "/text").getBody())
                    .as("governance.public-url unset: the address the service answers on")
                    .contains("The charter online: http://" + java.net.InetAddress.getLocalHost().getHostName() + ":"
                            + service.port() + engagement.path() + "/charter");
            assertThat(Pdf.text(download(rest, "olivia", "demo", "/mailbox/" + charterMail + "/attachment").getBody()))
                    .contains("Governance charter", engagement.reference());

            // Participants read their own mail in their own mail program, not everyone's here.
            for (String path : List.of("/mailbox", "/api/mailbox", "/mailbox/" + charterMail + "/html", invite)) {
                assertThat(get(rest, "clara", "demo", path).getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
                assertThat(get(rest, "sam", "demo", path).getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
            }
        }
    }

    @Test
    void withAMailServerConfiguredThereIsNoMailbox() {
        try (RunningService service = RunningService.start("./target/test-data/mailbox-" + UUID.randomUUID())) {
            assertThatThrownBy(() -> service.bean(GreenMail.class)).as("no mail server of its own")
                    .isInstanceOf(NoSuchBeanDefinitionException.class);
            assertThat(get(service.http(), "olivia", "demo", "/api/mailbox").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(get(service.http(), "olivia", "demo", "/mailbox").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        }
    }
}
