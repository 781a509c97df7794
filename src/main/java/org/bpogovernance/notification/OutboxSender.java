package org.bpogovernance.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.task.TaskExecutor;
import org.springframework.data.domain.PageRequest;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what the outbox holds, after commit and on a schedule, a batch at a time over one SMTP
 * connection. Each entry is claimed with a conditional update before it is sent, so two senders
 * (two nodes) never send the same entry; a claim left by a crashed node is taken back when that
 * node starts again, or expires. An entry is marked SENT as soon as the server took it and is
 * never sent again; a failed attempt is retried with doubling waits until {@code max-attempts};
 * a recipient the SMTP server refuses fails at once with the server's reply, and the rest of its
 * batch goes out.
 */
@Component
class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private final OutboxRepository outbox;
    private final JavaMailSenderImpl mailSender;
    private final NotificationSettings settings;
    private final TransactionTemplate transaction;
    private final TaskExecutor executor;
    private final Clock clock;
    private final String nodeName;
    /** This run of the node: claims of an earlier run are taken back at start, never those of this one. */
    private final String run = UUID.randomUUID().toString();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean wokenMeanwhile = new AtomicBoolean();

    OutboxSender(OutboxRepository outbox, JavaMailSenderImpl mailSender, NotificationSettings settings,
            TransactionTemplate transaction, @Qualifier(NotificationConfiguration.OUTBOX_EXECUTOR) TaskExecutor executor, Clock clock,
            @Value("${server.port:8080}") int serverPort) {
        this.outbox = outbox;
        this.mailSender = mailSender;
        this.settings = settings;
        this.transaction = transaction;
        this.executor = executor;
        this.clock = clock;
        String named = settings.nodeName().isBlank() ? hostName() + ":" + portName(serverPort) : settings.nodeName();
        this.nodeName = named.length() <= 200 ? named : named.substring(named.length() - 200); // the column's width
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException unnamed) {
            return "localhost";
        }
    }

    /** The name this node's claims carry. */
    String nodeName() {
        return nodeName;
    }

    /** The run of this node its claims carry. */
    String run() {
        return run;
    }

    /** A random port changes at every start, so such a node has no claims of an earlier run to take back. */
    private static String portName(int serverPort) {
        return serverPort == 0 ? "random-" + UUID.randomUUID() : String.valueOf(serverPort);
    }

    /**
     * Claims an earlier run of this node made before it stopped (a crash, a kill) are due again at
     * once: the mail being sent at that moment may go out twice, the rest would otherwise wait for
     * their claims to expire.
     */
    @EventListener(ApplicationReadyEvent.class)
    void takeBackOwnClaims() {
        int taken = transaction.execute(status -> outbox.takeBackEarlierClaims(nodeName, run, Instant.now(clock)));
        if (taken > 0) {
            log.info("Took back {} outbox claim(s) this node ({}) left when it stopped", taken, nodeName);
            executor.execute(this::sendDue);
        }
    }

    /** Sends without waiting for the next poll: after the current transaction commits, if there is one. */
    void wakeUp() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    executor.execute(OutboxSender.this::sendDue);
                }
            });
        } else {
            executor.execute(this::sendDue);
        }
    }

    @Scheduled(fixedDelayString = "${governance.notifications.poll-interval:PT5S}",
            initialDelayString = "${governance.notifications.poll-interval:PT5S}")
    void poll() {
        sendDue();
    }

    /** Sends every due entry; one run at a time per node, and a wake-up during a run is not lost. */
    void sendDue() {
        if (!running.compareAndSet(false, true)) {
            wokenMeanwhile.set(true);
            return;
        }
        try {
            do {
                wokenMeanwhile.set(false);
                while (sendBatch() == settings.batchSize()) {
                    // a full batch: there may be more
                }
            } while (wokenMeanwhile.get());
        } catch (RuntimeException unavailable) {
            log.warn("Outbox not reachable, will retry: {}", unavailable.getMessage());
        } finally {
            running.set(false);
        }
    }

    /**
     * Claims the due entries (each with its own conditional update, all in one transaction) and
     * sends them over one SMTP connection.
     */
    private int sendBatch() {
        Instant now = Instant.now(clock);
        Claimed claimed = transaction.execute(status -> {
            List<Long> due = outbox.findDue(now, PageRequest.of(0, settings.batchSize()));
            List<OutboxEntry> mine = new ArrayList<>();
            for (Long id : due) {
                // another node may have been quicker: 0 rows
                if (outbox.claim(id, now, now.plus(settings.claimTimeout()), nodeName, run) == 1) {
                    mine.add(outbox.findById(id).orElseThrow());
                }
            }
            return new Claimed(due.size(), mine);
        });
        send(claimed.entries());
        return claimed.due();
    }

    /** How many entries were due, and those this sender claimed. */
    private record Claimed(int due, List<OutboxEntry> entries) {
    }

    /**
     * Sends the claimed entries one after another over one connection and marks each sent as soon
     * as the server took it, so a crash leaves at most the mail in transit to be sent again.
     */
    private void send(List<OutboxEntry> entries) {
        Map<OutboxEntry, MimeMessage> messages = new LinkedHashMap<>();
        for (OutboxEntry entry : entries) {
            try {
                messages.put(entry, toMessage(entry));
            } catch (RuntimeException malformed) {
                failed(entry, malformed);
            }
        }
        if (messages.isEmpty()) {
            return;
        }
        List<OutboxEntry> unsent = new ArrayList<>(messages.keySet());
        try (SmtpConnection smtp = SmtpConnection.open(mailSender)) {
            for (Map.Entry<OutboxEntry, MimeMessage> mail : messages.entrySet()) {
                OutboxEntry entry = mail.getKey();
                try {
                    smtp.send(mail.getValue());
                } catch (SendFailedException refused) {
                    unsent.remove(entry);
                    failed(entry, refused);
                    continue;
                }
                unsent.remove(entry);
                transaction.executeWithoutResult(status -> outbox.markSent(entry.getId(), run, Instant.now(clock)));
                log.debug("Sent notification {}", entry.getId());
            }
        } catch (MessagingException | RuntimeException broken) {
            // the connection broke (or the server dropped it after a refusal): the rest is tried again
            unsent.forEach(entry -> failed(entry, broken));
        }
    }

    private void failed(OutboxEntry entry, Exception failure) {
        String reason = reason(failure);
        boolean refused = isPermanent(failure);
        boolean exhausted = entry.getAttempts() >= settings.maxAttempts();
        Instant now = Instant.now(clock);
        if (refused || exhausted) {
            transaction.executeWithoutResult(status ->
                    outbox.markFailedAttempt(entry.getId(), run, OutboxEntry.Status.FAILED, now, reason));
            log.error("Notification {} ({}) to {} FAILED after {} attempt(s): {}", entry.getId(), entry.getKind(),
                    entry.getRecipientEmail(), entry.getAttempts(), reason);
        } else {
            Instant next = now.plus(settings.backoffAfter(entry.getAttempts()));
            transaction.executeWithoutResult(status ->
                    outbox.markFailedAttempt(entry.getId(), run, OutboxEntry.Status.PENDING, next, reason));
            log.warn("Notification {} not sent (attempt {}), retrying at {}: {}", entry.getId(), entry.getAttempts(),
                    next, reason);
        }
    }

    private MimeMessage toMessage(OutboxEntry entry) {
        try {
            MimeMessage message = new OutboxMessage(mailSender.createMimeMessage().getSession(), entry.getId());
            MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
            helper.setFrom(settings.from());
            helper.setTo(entry.getRecipientEmail());
            helper.setSubject(entry.getSubject());
            helper.setText(entry.getTextBody(), entry.getHtmlBody());
            if (entry.getCalendar() != null) {
                helper.addAttachment("invite.ics", new ByteArrayResource(entry.getCalendar().getBytes(StandardCharsets.UTF_8)),
                        "text/calendar; method=" + entry.getCalendarMethod() + "; charset=UTF-8");
            }
            Attachment document = entry.attachment();
            if (document != null) {
                helper.addAttachment(document.fileName(), new ByteArrayResource(document.content()), document.contentType());
            }
            message.setSentDate(new Date());
            message.saveChanges(); // a mail that cannot be put together fails here, alone
            return message;
        } catch (MessagingException malformed) {
            throw new MailPreparationException(malformed);
        }
    }

    /** The server refused the recipient, or the mail cannot be built: retrying will not help. */
    private static boolean isPermanent(Exception failure) {
        if (failure instanceof MailParseException || failure instanceof MailPreparationException) {
            return true;
        }
        return failure instanceof SendFailedException refused && refused.getInvalidAddresses() != null
                && refused.getInvalidAddresses().length > 0;
    }

    private static String reason(Exception failure) {
        StringBuilder reason = new StringBuilder();
        for (Throwable cause = failure; cause != null && reason.length() < 1500; cause = next(cause)) {
            if (cause.getMessage() != null && reason.indexOf(cause.getMessage().strip()) < 0) {
                reason.append(reason.isEmpty() ? "" : "; ").append(cause.getMessage().strip());
            }
        }
        return reason.isEmpty() ? failure.getClass().getSimpleName() : reason.toString();
    }

    private static Throwable next(Throwable cause) {
        if (cause instanceof MessagingException messaging && messaging.getNextException() != null) {
            return messaging.getNextException();
        }
        return cause.getCause() == cause ? null : cause.getCause();
    }

    /** A message whose Message-ID names its outbox entry, so a receiver can spot a resend. */
    private static final class OutboxMessage extends MimeMessage {
        private final long entryId;

        OutboxMessage(Session session, long entryId) {
            super(session);
            this.entryId = entryId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", "<outbox-" + entryId + "@bpo-governance>");
        }
    }
}
