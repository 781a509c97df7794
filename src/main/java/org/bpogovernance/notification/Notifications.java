package org.bpogovernance.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.bpogovernance.security.UserDirectory.Person;
import org.bpogovernance.security.UserDirectory;
import org.bpogovernance.security.PersonProfiles;
import org.bpogovernance.platform.PeopleDates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.bpogovernance.engagement.EngagementService;
import org.bpogovernance.engagement.Stakeholder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The module's API: queue a mail to a user. The entry is written in the caller's transaction
 * (a rolled-back step sends nothing) and the sender is woken after commit. Each cause has a
 * dedup key, so a retried step or a repeated event never mails twice.
 */
@Service
public class Notifications {

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);

    /** Kinds a user may switch off; assignments and escalations always go out. */
    static final java.util.Set<String> OPTIONAL_KINDS = java.util.Set.of(Kind.TASK_REMINDER, Kind.TASK_OVERDUE);

    /** What a notification is about; also the name of its templates in {@code mail/}. */
    public static final class Kind {
        public static final String TASK_ASSIGNED = "task-assigned";
        public static final String TASK_REMINDER = "task-reminder";
        public static final String TASK_OVERDUE = "task-overdue";
        public static final String MEETING_INVITE = "meeting-invite";
        public static final String MEETING_CANCELLED = "meeting-cancelled";
        public static final String ONBOARDING_OVERRUN = "onboarding-overrun";
        public static final String ACTION_OVERDUE = "action-overdue";
        public static final String RENEWAL_ALERT = "renewal-alert";
        public static final String ENGAGEMENT_CLOSED = "engagement-closed";
        public static final String MINUTES_SIGNED = "minutes-signed";
        public static final String CHARTER_SIGNED = "charter-signed";
        public static final String TERM_SUMMARY = "term-summary";
        public static final String INITIATIVE_ADOPTED = "initiative-adopted";

        private Kind() {
        }
    }

    private final OutboxRepository outbox;
    private final MailTemplates templates;
    private final UserDirectory users;
    private final PersonProfiles profiles;
    private final PreferenceRepository preferences;
    private final OutboxSender sender;
    private final Clock clock;
    private final EngagementService engagements;

    Notifications(OutboxRepository outbox, MailTemplates templates, UserDirectory users, PersonProfiles profiles,
            PreferenceRepository preferences, OutboxSender sender, Clock clock, EngagementService engagements) {
        this.engagements = engagements;
        this.outbox = outbox;
        this.templates = templates;
        this.users = users;
        this.profiles = profiles;
        this.preferences = preferences;
        this.sender = sender;
        this.clock = clock;
    }

    /** Queues a mail of the given kind to a user; the model fills the kind's templates. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<OutboxEntry> notifyUser(String dedupKey, String kind, Long engagementId, String userId,
            Map<String, Object> model) {
        return queue(dedupKey, kind, engagementId, userId, model, null, null);
    }

    /** Queues a mail that carries a document (signed minutes, the signed charter, a term summary). */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<OutboxEntry> notifyUser(String dedupKey, String kind, Long engagementId, String userId,
            Map<String, Object> model, Attachment attachment) {
        return queue(dedupKey, kind, engagementId, userId, model, null, attachment);
    }

    /**
     * Queues the same mail (and document, if any) to everyone on the engagement, once each: the
     * key of each is {@code cause}, a colon and the person.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void notifyEveryoneOn(Long engagementId, String cause, String kind, Map<String, Object> model,
            Attachment attachment) {
        engagements.stakeholdersForProcess(engagementId).stream().map(Stakeholder::getUserId).distinct()
                .forEach(user -> queue(cause + ":" + user, kind, engagementId, user, model, null, attachment));
    }

    /** Queues a calendar invite (or its update or cancellation) with its mail. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<OutboxEntry> sendInvite(String dedupKey, String kind, Long engagementId, String userId,
            Map<String, Object> model, CalendarInvite invite) {
        return queue(dedupKey, kind, engagementId, userId, model, invite, null);
    }

    /**
     * Withdraws the engagement's mails of these kinds not yet sent: for demo seeding that completes
     * the steps it just started (their task mails and invites would tell people of work already done).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int withdrawUnsent(Long engagementId, java.util.Collection<String> kinds) {
        return outbox.withdraw(engagementId, kinds);
    }

    private Optional<OutboxEntry> queue(String dedupKey, String kind, Long engagementId, String userId,
            Map<String, Object> model, CalendarInvite invite, Attachment attachment) {
        if (outbox.existsByDedupKey(dedupKey)) {
            return Optional.empty();
        }
        if (OPTIONAL_KINDS.contains(kind) && preferences.findById(userId).map(p -> !p.remindersEnabled()).orElse(false)) {
            log.debug("{} to {} skipped: reminders switched off", kind, userId);
            return Optional.empty();
        }
        Optional<Person> person = users.find(userId);
        Map<String, Object> fullModel = new java.util.HashMap<>(model);
        fullModel.put("recipient", person.map(Person::displayName).orElse(userId));
        ZoneId readerZone = profiles.zoneOf(userId).orElse(null);
        fullModel.replaceAll((name, value) -> value instanceof PeopleDates.Moment moment ? moment.forReader(readerZone) : value);
        RenderedMail mail = templates.render(kind, fullModel);
        Instant now = Instant.now(clock);
        OutboxEntry entry = new OutboxEntry(dedupKey, kind, engagementId, userId,
                person.filter(Person::hasEmail).map(Person::email).orElse(null), mail, invite, attachment, now);
        if (person.isEmpty()) {
            entry.undeliverable("user " + userId + " does not exist");
        } else if (!person.get().hasEmail()) {
            entry.undeliverable("user " + userId + " has no e-mail address");
        }
        OutboxEntry saved = outbox.save(entry);
        if (saved.getStatus() == OutboxEntry.Status.UNDELIVERABLE) {
            log.warn("Notification {} ({}) is undeliverable: {}", saved.getId(), kind, saved.getLastError());
        } else {
            sender.wakeUp();
        }
        return Optional.of(saved);
    }
}
