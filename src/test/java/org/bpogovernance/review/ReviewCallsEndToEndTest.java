package org.bpogovernance.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.bpogovernance.testing.Http.get;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.Date;
import java.util.List;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.bpogovernance.testing.Engagements.Registered;
import org.bpogovernance.testing.GovernanceTest;
import org.bpogovernance.testing.Json;
import org.bpogovernance.testing.Mail;
import org.bpogovernance.testing.Pdf;
import org.bpogovernance.testing.ReviewCallWalk;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * One engagement through three monthly review calls, each started by operational-governance's
 * timer, each worked by its people through Tasklist's API: the SMTP server receives the calendar
 * invites (with the agenda) and the task mails, and each call's action item becomes a follow-up.
 */
@GovernanceTest
class ReviewCallsEndToEndTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired
    TestRestTemplate rest;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    ManagementService managementService;

    @Autowired
    TaskService taskService;

    @Test
    void threeMonthlyCallsOnTheCadence() throws Exception {
        ReviewCallWalk walk = new ReviewCallWalk(rest, runtimeService, managementService, taskService);
        Registered engagement = walk.operationalEngagement();
        YearMonth first = YearMonth.now(ReviewCallWalk.BERLIN);

        for (int call = 0; call < 3; call++) {
            YearMonth month = first.plusMonths(call);
            walk.measure(month, 97.5 + call, 305 - call * 5);
            ProcessInstance operations = walk.operations();
            assertThat(walk.job(operations.getId(), "timer_reviewCallDue").getDuedate()).as("call " + (call + 1))
                    .isEqualTo(Date.from(month.plusMonths(1).atDay(1).atTime(LocalTime.of(9, 0))
                            .atZone(ReviewCallWalk.BERLIN).toInstant()));
            walk.holdCall(call + 1, 3 + call);
        }

        // Three signed calls, on premises first, then remote, then hybrid (the meeting-format decision).
        String reviews = get(rest, "sam", "demo", engagement.path() + "/reviews").getBody();
        assertThat((List<Integer>) Json.read(reviews, "$[*].sequence")).containsExactly(1, 2, 3);
        assertThat((List<String>) Json.read(reviews, "$[*].period"))
                .containsExactly(first.toString(), first.plusMonths(1).toString(), first.plusMonths(2).toString());
        assertThat((List<String>) Json.read(reviews, "$[*].status")).containsOnly("SIGNED_OFF");
        assertThat((List<String>) Json.read(reviews, "$[*].format")).containsExactly("ON_PREMISES", "REMOTE", "HYBRID");
        assertThat((List<Integer>) Json.read(reviews, "$[*].satisfactionScore")).containsExactly(3, 4, 5);

        // Each call's action item is followed up by its owner.
        assertThat(taskService.createTaskQuery().processDefinitionKey("action-item-follow-up")
                .processInstanceBusinessKey(engagement.reference()).taskAssignee("peter").list())
                .extracting(task -> task.getDescription())
                .containsExactlyInAnyOrder("Action of call 1", "Action of call 2", "Action of call 3");

        // Everyone received a calendar invite per call, with the agenda; task mails reached their people.
        String name = "Litware claims " + engagement.reference();
        await().atMost(Duration.ofSeconds(30)).until(() -> reviewInvites(name, "clara").size() == 3
                && reviewInvites(name, "sam").size() == 3 && subjects(name, "peter").stream()
                .filter(s -> s.contains("Complete the action item")).count() == 3);
        List<VEvent> invites = reviewInvites(name, "clara");
        assertThat(invites).extracting(event -> event.getProperty(Property.UID).orElseThrow().getValue())
                .doesNotHaveDuplicates();
        assertThat(invites.get(0).getProperty(Property.DESCRIPTION).orElseThrow().getValue())
                .contains("Objectives: Review the month, agree actions", "Performance of " + first.format(java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy", java.util.Locale.ENGLISH)));
        assertThat(subjects(name, "olivia")).filteredOn(s -> s.contains("Prepare the agenda")).hasSize(3);
        assertThat(subjects(name, "clara")).filteredOn(s -> s.contains("Sign off the minutes (client)")).hasSize(3);
        assertThat(subjects(name, "peter")).filteredOn(s -> s.contains("Confirm attendance")).hasSize(3);

        // Each signed call's minutes reach everyone on the engagement as a PDF attached to the mail that says so.
        await().atMost(Duration.ofSeconds(30)).until(() -> minutesSigned(name, "sam").size() == 3);
        MimeMessage second = minutesSigned(name, "sam").stream()
                .filter(m -> Mail.subject(m).contains("Operational review 2,")).findFirst().orElseThrow();
        assertThat(Mail.parts(second, "text/plain").get(0)).contains("signed by both parties", "(Europe/Berlin)",
                engagement.path() + "/reviews/");
        var attached = Mail.attachments(second);
        assertThat(attached.keySet()).singleElement().asString().startsWith("minutes-operational-review-2-").endsWith(".pdf");
        assertThat(Pdf.text(attached.values().iterator().next())).contains("Minutes — Operational review 2,",
                name, "Clara Client", "Peter Provider", "Action of call 2", "Signed by both parties");
        assertThat(second.getMessageID()).matches("<outbox-\\d+@bpo-governance>");
        assertThat(minutesSigned(name, "clara")).hasSize(3);
    }

    private List<MimeMessage> minutesSigned(String engagementName, String user) {
        return mailsTo(engagementName, user).stream().filter(m -> Mail.subject(m).contains("Minutes signed")).toList();
    }

    /** The calendar invites of review calls (not the kick-off) a person received. */
    private List<VEvent> reviewInvites(String engagementName, String user) {
        return mailsTo(engagementName, user).stream().filter(m -> !Mail.parts(m, "text/calendar").isEmpty())
                .map(Mail::calendar).filter(c -> "REQUEST".equals(c.getProperty(Property.METHOD).orElseThrow().getValue()))
                .map(c -> c.<VEvent>getComponent(Component.VEVENT).orElseThrow())
                .filter(e -> e.getProperty(Property.SUMMARY).orElseThrow().getValue().startsWith("Operational review"))
                .toList();
    }

    private List<String> subjects(String engagementName, String user) {
        return mailsTo(engagementName, user).stream().map(Mail::subject).toList();
    }

    private List<MimeMessage> mailsTo(String engagementName, String user) {
        return Mail.to(smtp.getReceivedMessages(), user + "@demo.bpo-governance.example").stream()
                .filter(m -> Mail.subject(m).contains(engagementName)).toList();
    }
}
