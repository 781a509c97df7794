package org.bpogovernance.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.bpogovernance.testing.Http.exchange;
import static org.bpogovernance.testing.Http.get;
import static org.bpogovernance.testing.Http.postJson;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.bpogovernance.testing.GovernanceTest;
import org.bpogovernance.testing.Json;
import org.bpogovernance.testing.Mail;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mail through a real SMTP server (GreenMail): assignments with a Tasklist link, reminders and
 * overdue notices from the engine's timer, an SMTP outage that loses nothing and duplicates
 * nothing, a rolled-back step that sends nothing, a person without an address.
 */
@GovernanceTest
class NotificationDeliveryTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(true);

    @Autowired
    TestRestTemplate rest;

    @Autowired
    IdentityService identityService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    ManagementService managementService;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    OutboxSender outboxSender;

    String person;
    String email;

    @BeforeEach
    void aPersonWithAnAddress() {
        person = "mail-" + UUID.randomUUID().toString().substring(0, 8);
        email = person + "@participants.example";
        createUser(person, email);
        // Test classes before this one share the service and queued mails (signed charters with
        // their PDF among them) while no mail server ran: the sender delivers that backlog to this
        // test's server first, in order, so the test's own mails are awaited only after it.
        await().atMost(Duration.ofMinutes(3)).until(() -> jdbc.queryForObject(
                "select count(*) from notification_outbox where status = 'PENDING' and next_attempt_at <= ?", Long.class,
                java.sql.Timestamp.from(Instant.now())) == 0);
    }

    @Test
    void anAssignmentMailSaysWhatToDoByWhenAndLinksToTheTaskInTasklist() {
        String taskId = taskFor(person, Instant.now().plus(Duration.ofDays(3)));

        MimeMessage mail = awaitMails(email, 1).get(0);
        assertThat(Mail.subject(mail)).contains("Answer the notification check");
        String text = Mail.parts(mail, "text/plain").get(0);
        String link = "http://localhost:8080/camunda/app/tasklist/default/#/?task=" + taskId;
        assertThat(text).contains("Answer the notification check", "Due: ", link);
        assertThat(Mail.parts(mail, "text/html").get(0)).contains("href=\"" + link + "\"");
        // The link opens Tasklist on this service, and names a task that is open.
        assertThat(get(rest, null, null, "/camunda/app/tasklist/default/").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(taskService.createTaskQuery().taskId(taskId).taskAssignee(person).count()).isOne();
    }

    @Test
    void remindersAndOverdueNoticesComeFromTheEnginesTimerOnce() {
        String taskId = taskFor(person, Instant.now().plus(Duration.ofHours(3)));
        awaitMails(email, 1);

        runReminderTimer();
        runReminderTimer();
        List<MimeMessage> afterReminder = awaitMails(email, 2);
        assertThat(Mail.subject(afterReminder.get(1))).startsWith("[BPO governance] Reminder: Answer the notification check");

        taskService.setDueDate(taskId, Date.from(Instant.now().minus(Duration.ofHours(1))));
        runReminderTimer();
        runReminderTimer();
        List<MimeMessage> afterOverdue = awaitMails(email, 3);
        assertThat(Mail.subject(afterOverdue.get(2))).startsWith("[BPO governance] Overdue: Answer the notification check");
        settle();
        assertThat(Mail.to(smtp.getReceivedMessages(), email)).as("each mail once").hasSize(3);
    }

    @Test
    void someoneWhoSwitchedRemindersOffGetsAssignmentsButNoReminders() {
        var user = identityService.createUserQuery().userId(person).singleResult();
        user.setPassword("Reminders-off-1!");
        identityService.saveUser(user);
        assertThat(exchange(rest, person, "Reminders-off-1!", HttpMethod.PUT, "/api/me/notification-preferences",
                "{\"remindersEnabled\": false}").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(exchange(rest, person, "Reminders-off-1!", HttpMethod.PUT, "/api/me/notification-preferences",
                "{}").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        taskFor(person, Instant.now().plus(Duration.ofHours(1)));
        runReminderTimer();
        awaitMails(email, 1);
        settle();
        assertThat(Mail.to(smtp.getReceivedMessages(), email)).extracting(Mail::subject)
                .singleElement().asString().doesNotContain("Reminder");
        assertThat((Boolean) Json.read(get(rest, person, "Reminders-off-1!", "/api/me/notification-preferences").getBody(),
                "$.remindersEnabled")).isFalse();
    }

    @Test
    void tenMailsMadeWhileSmtpIsDownAreAllDeliveredOnceWhenItReturns() {
        smtp.stop();
        List<String> tasks = IntStream.range(0, 10).mapToObj(i -> taskFor(person, null)).toList();
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from notification_outbox where recipient_user_id = ? and attempts > 0 and status = 'PENDING'",
                Long.class, person) == 10);

        smtp.start();

        List<MimeMessage> delivered = awaitMails(email, 10);
        settle();
        assertThat(Mail.to(smtp.getReceivedMessages(), email)).hasSize(10);
        Set<String> messageIds = new HashSet<>();
        for (MimeMessage message : delivered) {
            messageIds.add(header(message, "Message-ID"));
        }
        assertThat(messageIds).hasSize(10);
        assertThat(jdbc.queryForList("select status from notification_outbox where recipient_user_id = ?", String.class,
                person)).hasSize(10).containsOnly("SENT");
        assertThat(tasks).hasSize(10);
    }

    @Test
    void mailsThisNodeHadClaimedWhenItStoppedGoOutWhenItStartsAgainOtherClaimsWait() {
        smtp.stop();
        for (int i = 0; i < 3; i++) {
            taskFor(person, null);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from notification_outbox where recipient_user_id = ? and attempts > 0 and status = 'PENDING'",
                Long.class, person) == 3);
        List<Long> entries = jdbc.queryForList("select id from notification_outbox where recipient_user_id = ? order by id",
                Long.class, person);
        // claimed for another hour: by this node before a kill, by a node still running, by this node now
        String claim = "update notification_outbox set status = 'SENDING', claimed_by = ?, claimed_in_run = ?, "
                + "claimed_until = ? where id = ?";
        Timestamp inAnHour = Timestamp.from(Instant.now().plus(Duration.ofHours(1)));
        jdbc.update(claim, outboxSender.nodeName(), "a-run-before-the-kill", inAnHour, entries.get(0));
        jdbc.update(claim, "another-node:8080", "its-run", inAnHour, entries.get(1));
        jdbc.update(claim, outboxSender.nodeName(), outboxSender.run(), inAnHour, entries.get(2));
        smtp.start();

        outboxSender.takeBackOwnClaims(); // what the node does when it has started

        List<MimeMessage> delivered = awaitMails(email, 1);
        assertThat(header(delivered.get(0), "Message-ID")).isEqualTo("<outbox-" + entries.get(0) + "@bpo-governance>");
        settle();
        assertThat(Mail.to(smtp.getReceivedMessages(), email))
                .as("the other node's claim and the one this run is sending are theirs until they expire").hasSize(1);
        assertThat(jdbc.queryForList("select status from notification_outbox where recipient_user_id = ? order by id",
                String.class, person)).containsExactly("SENT", "SENDING", "SENDING");

        jdbc.update("update notification_outbox set claimed_until = ? where id in (?, ?)",
                Timestamp.from(Instant.now().minusSeconds(1)), entries.get(1), entries.get(2));
        awaitMails(email, 3);
        assertThat(jdbc.queryForList("select status from notification_outbox where recipient_user_id = ? order by id",
                String.class, person)).as("expired claims are anyone's").containsExactly("SENT", "SENT", "SENT");
    }

    @Test
    void aRolledBackStepSendsNothing() {
        String[] taskId = new String[1];
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            taskId[0] = taskFor(person, null);
            throw new IllegalStateException("the step fails after creating the task");
        })).hasMessage("the step fails after creating the task");

        assertThat(taskId[0]).as("the task existed inside the step").isNotNull();
        assertThat(taskService.createTaskQuery().taskId(taskId[0]).count()).isZero();
        settle();
        assertThat(jdbc.queryForObject("select count(*) from notification_outbox where dedup_key like ?", Long.class,
                "%" + taskId[0] + "%")).isZero();
        assertThat(Mail.to(smtp.getReceivedMessages(), email)).isEmpty();
    }

    @Test
    void aPersonWithoutAnAddressIsRecordedAsUndeliverableAndNothingElseFails() {
        String nobody = "no-mail-" + UUID.randomUUID().toString().substring(0, 8);
        createUser(nobody, null);

        taskFor(nobody, null);
        taskFor(person, null);

        awaitMails(email, 1);
        String undeliverable = get(rest, "olivia", "demo", "/api/notifications?status=UNDELIVERABLE&size=200").getBody();
        assertThat((List<String>) Json.read(undeliverable, "$.content[?(@.recipientUserId == '" + nobody + "')].lastError"))
                .containsExactly("user " + nobody + " has no e-mail address");
        assertThat(get(rest, "clara", "demo", "/api/notifications").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        Long sentId = jdbc.queryForObject("select id from notification_outbox where recipient_user_id = ?", Long.class, person);
        assertThat(postJson(rest, "olivia", "demo", "/api/notifications/" + sentId + "/retry", "").getStatusCode())
                .as("only failed notifications are retried").isEqualTo(HttpStatus.CONFLICT);
    }

    private String taskFor(String assignee, Instant due) {
        String instanceId = runtimeService.startProcessInstanceByKey("notification-check", Variables.createVariables()
                .putValue("assignee", assignee).putValue("due", due == null ? null : Date.from(due))).getId();
        return taskService.createTaskQuery().processInstanceId(instanceId).singleResult().getId();
    }

    private void createUser(String id, String mail) {
        var user = identityService.newUser(id);
        user.setFirstName("Test");
        user.setLastName(id);
        user.setEmail(mail);
        identityService.saveUser(user);
    }

    /** The task-reminders process's timer fires (the job executor is off in tests: we fire it). */
    private void runReminderTimer() {
        var job = managementService.createJobQuery().processDefinitionKey("task-reminders").timers().singleResult();
        managementService.executeJob(job.getId());
    }

    private List<MimeMessage> awaitMails(String to, int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> Mail.to(smtp.getReceivedMessages(), to).size() >= count);
        return Mail.to(smtp.getReceivedMessages(), to);
    }

    /** Lets the sender run a few more polls, so a duplicate would have arrived by now. */
    private static void settle() {
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> true);
    }

    private static String header(MimeMessage message, String name) {
        try {
            return message.getHeader(name)[0];
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
