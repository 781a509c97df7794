package org.bpogovernance.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One e-mail to one person, rendered when it was caused and kept as sent: the outbox is also
 * the record of what everyone was told.
 */
@Entity
@Table(name = "notification_outbox")
public class OutboxEntry {

    public enum Status {
        /** Waiting to be sent, or to be retried at {@code nextAttemptAt}. */
        PENDING,
        /** Claimed by a sender until {@code claimedUntil}. */
        SENDING,
        SENT,
        /** Retries ran out, or the SMTP server refused the recipient. */
        FAILED,
        /** Could not be addressed at all (the user has no e-mail address). */
        UNDELIVERABLE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** Makes a notification idempotent: the same cause never writes a second entry. */
    @Column(name = "dedup_key", nullable = false, unique = true)
    private String dedupKey;

    @Column(nullable = false)
    private String kind;

    @Column(name = "engagement_id")
    private Long engagementId;

    @Column(name = "recipient_user_id")
    private String recipientUserId;

    @Column(name = "recipient_email")
    private String recipientEmail;

    @Column(nullable = false)
    private String subject;

    @Column(name = "text_body", nullable = false)
    private String textBody;

    @Column(name = "html_body", nullable = false)
    private String htmlBody;

    /** An iCalendar attachment (METHOD:REQUEST or CANCEL), or null. */
    private String calendar;

    @Column(name = "calendar_method")
    private String calendarMethod;

    /** A document the mail carries (signed minutes, the signed charter, a term summary), or null. */
    @Column(name = "attachment_name")
    private String attachmentName;

    @Column(name = "attachment_type")
    private String attachmentType;

    private byte[] attachment;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "claimed_until")
    private Instant claimedUntil;

    @Column(name = "claimed_by")
    private String claimedBy;

    @Column(name = "claimed_in_run")
    private String claimedInRun;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    protected OutboxEntry() {
    }

    OutboxEntry(String dedupKey, String kind, Long engagementId, String recipientUserId, String recipientEmail,
            RenderedMail mail, CalendarInvite calendar, Attachment attachment, Instant now) {
        this.dedupKey = dedupKey;
        this.kind = kind;
        this.engagementId = engagementId;
        this.recipientUserId = recipientUserId;
        this.recipientEmail = recipientEmail;
        this.subject = mail.subject();
        this.textBody = mail.text();
        this.htmlBody = mail.html();
        this.calendar = calendar == null ? null : calendar.ics();
        this.calendarMethod = calendar == null ? null : calendar.method();
        if (attachment != null) {
            this.attachmentName = attachment.fileName();
            this.attachmentType = attachment.contentType();
            this.attachment = attachment.content();
        }
        this.status = Status.PENDING;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    void undeliverable(String reason) {
        this.status = Status.UNDELIVERABLE;
        this.lastError = reason;
    }

    public Long getId() {
        return id;
    }

    public String getDedupKey() {
        return dedupKey;
    }

    public String getKind() {
        return kind;
    }

    public Long getEngagementId() {
        return engagementId;
    }

    public String getRecipientUserId() {
        return recipientUserId;
    }

    public String getRecipientEmail() {
        return recipientEmail;
    }

    public String getSubject() {
        return subject;
    }

    public String getTextBody() {
        return textBody;
    }

    public String getHtmlBody() {
        return htmlBody;
    }

    public String getCalendar() {
        return calendar;
    }

    public String getCalendarMethod() {
        return calendarMethod;
    }

    /** The document the mail carries, or null (not in the JSON of the outbox: its name says which). */
    Attachment attachment() {
        return attachment == null ? null : new Attachment(attachmentName, attachmentType, attachment);
    }

    public String getAttachmentName() {
        return attachmentName;
    }

    public Status getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }
}
