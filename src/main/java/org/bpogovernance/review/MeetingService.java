package org.bpogovernance.review;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.bpogovernance.audit.AuditTrail;
import org.bpogovernance.engagement.Engagement;
import org.bpogovernance.engagement.EngagementService;
import org.bpogovernance.engagement.OnboardingService.KickOffScheduled;
import org.bpogovernance.engagement.Stakeholder;
import org.bpogovernance.notification.CalendarInvite;
import org.bpogovernance.notification.CalendarInvites.MeetingDetails;
import org.bpogovernance.notification.CalendarInvites.Person;
import org.bpogovernance.notification.CalendarInvites;
import org.bpogovernance.notification.NotificationSettings;
import org.bpogovernance.notification.Notifications;
import org.bpogovernance.platform.ConflictException;
import org.bpogovernance.platform.InvalidInputException.Violation;
import org.bpogovernance.platform.InvalidInputException;
import org.bpogovernance.platform.NotFoundException;
import org.bpogovernance.platform.PeopleDates;
import org.bpogovernance.security.UserDirectory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Schedules, moves and cancels meetings; every stakeholder of the engagement gets the calendar
 * invite, its update (same UID, higher SEQUENCE) or its cancellation by e-mail, queued in the
 * same transaction.
 */
@Service
public class MeetingService {

    /** A new time, length or place: the site ({@code location}) and the link count where the meeting's format has them. */
    public record MeetingChange(LocalDateTime startsAt, Integer durationMinutes, String location, String link,
            String agenda, Long version) {
    }

    private final MeetingRepository meetings;
    private final EngagementService engagements;
    private final Notifications notifications;
    private final CalendarInvites invites;
    private final NotificationSettings notificationSettings;
    private final UserDirectory users;
    private final AuditTrail auditTrail;
    private final Clock clock;

    MeetingService(MeetingRepository meetings, EngagementService engagements, Notifications notifications,
            CalendarInvites invites, NotificationSettings notificationSettings, UserDirectory users,
            AuditTrail auditTrail, Clock clock) {
        this.meetings = meetings;
        this.engagements = engagements;
        this.notifications = notifications;
        this.invites = invites;
        this.notificationSettings = notificationSettings;
        this.users = users;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    /** The kick-off was scheduled (or moved) in onboarding: invite everyone, or update their invite. */
    @EventListener
    public void on(KickOffScheduled kickOff) {
        Engagement engagement = engagements.forProcess(kickOff.engagementId());
        meetings.findFirstByEngagementIdAndKindAndStatus(engagement.getId(), Meeting.Kind.KICK_OFF, Meeting.Status.SCHEDULED)
                .ifPresentOrElse(
                        existing -> change(existing, kickOffChange(existing, kickOff, engagement)),
                        () -> schedule(engagement, Meeting.Kind.KICK_OFF, "Kick-off: " + engagement.getName(), kickOff.at(),
                                kickOff.minutes(), kickOff.format(), MeetingPlace.of(kickOff.format(), kickOff.location(), engagement),
                                kickOffAgenda(engagement), kickOff.organizer()));
    }

    private static MeetingChange kickOffChange(Meeting existing, KickOffScheduled kickOff, Engagement engagement) {
        MeetingPlace place = MeetingPlace.of(existing.getFormat(), kickOff.location(), engagement);
        return new MeetingChange(kickOff.at(), kickOff.minutes(), place.site(), place.link(), existing.getAgenda(),
                existing.getVersion());
    }

    /**
     * The kick-off counts as held although its date is still ahead: the demo's operational
     * engagement, onboarded by its seeding. It is no longer anyone's next call.
     */
    @Transactional
    public void kickOffHeld(Long engagementId) {
        meetings.findFirstByEngagementIdAndKindAndStatus(engagementId, Meeting.Kind.KICK_OFF, Meeting.Status.SCHEDULED)
                .ifPresent(kickOff -> {
                    kickOff.held();
                    meetings.save(kickOff);
                });
    }

    @Transactional
    public Meeting schedule(Engagement engagement, Meeting.Kind kind, String title, LocalDateTime startsAt, int minutes,
            String format, MeetingPlace place, String agenda, String organizer) {
        Meeting meeting = meetings.save(new Meeting(engagement.getId(),
                UUID.randomUUID() + "@bpo-governance", kind, title, startsAt, minutes, engagement.getTimeZone(), format,
                place, agenda, organizer == null ? "governance-office" : organizer));
        auditTrail.record(EngagementService.AUDIT_TYPE, engagement.getId(), "MEETING_SCHEDULED",
                title + " on " + PeopleDates.dayAndTime(meeting.start()) + ", " + meeting.where());
        sendInvites(engagement, meeting, false);
        return meeting;
    }

    @Transactional
    public Meeting reschedule(Long engagementId, Long meetingId, MeetingChange change) {
        Engagement engagement = engagements.get(engagementId);
        return change(find(engagement.getId(), meetingId), change);
    }

    private Meeting change(Meeting meeting, MeetingChange change) {
        if (meeting.getStatus() == Meeting.Status.CANCELLED) {
            throw new ConflictException("meeting " + meeting.getId() + " is cancelled");
        }
        if (change.version() == null || change.version() != meeting.getVersion()) {
            throw new ConflictException("version", "is " + change.version() + " but the meeting is at version "
                    + meeting.getVersion() + "; reload and try again");
        }
        List<Violation> violations = new ArrayList<>();
        if (change.startsAt() == null) {
            violations.add(new Violation("startsAt", "is required"));
        } else if (change.startsAt().atZone(meeting.start().getZone()).toInstant().isBefore(clock.instant())) {
            violations.add(new Violation("startsAt", "must not be in the past"));
        }
        if (change.durationMinutes() == null || change.durationMinutes() < 15 || change.durationMinutes() > 480) {
            violations.add(new Violation("durationMinutes", "must be between 15 and 480"));
        }
        Engagement engagement = engagements.forProcess(meeting.getEngagementId());
        MeetingPlace place = MeetingPlace.of(meeting.getFormat(), change.location(), change.link(), engagement);
        violations.addAll(place.missing(meeting.getFormat(), "location", "link"));
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        boolean changed = !change.startsAt().equals(meeting.getStartsAt())
                || change.durationMinutes() != meeting.getDurationMinutes()
                || !place.equals(meeting.place())
                || !Objects.equals(change.agenda(), meeting.getAgenda());
        if (changed) {
            meeting.reschedule(change.startsAt(), change.durationMinutes(), meeting.getFormat(), place, change.agenda());
            auditTrail.record(EngagementService.AUDIT_TYPE, engagement.getId(), "MEETING_RESCHEDULED",
                    meeting.getTitle() + " to " + PeopleDates.dayAndTime(meeting.start()) + ", " + meeting.where());
            sendInvites(engagement, meetings.save(meeting), true);
        }
        return meeting;
    }

    @Transactional
    public Meeting cancel(Long engagementId, Long meetingId, String reason) {
        Engagement engagement = engagements.get(engagementId);
        Meeting meeting = find(engagementId, meetingId);
        if (meeting.getStatus() == Meeting.Status.CANCELLED) {
            throw new ConflictException("meeting " + meetingId + " is already cancelled");
        }
        meeting.cancel();
        auditTrail.record(EngagementService.AUDIT_TYPE, engagementId, "MEETING_CANCELLED",
                meeting.getTitle() + (reason == null || reason.isBlank() ? "" : ": " + reason.trim()));
        MeetingDetails details = details(engagement, meeting);
        Map<String, Object> model = model(meeting, false);
        model.put("reason", reason == null || reason.isBlank() ? null : reason.trim());
        CalendarInvite cancellation = invites.cancel(details);
        for (String user : attendeeIds(engagement)) {
            notifications.sendInvite(dedupKey(meeting, user), Notifications.Kind.MEETING_CANCELLED, engagementId, user,
                    model, cancellation);
        }
        return meetings.save(meeting);
    }

    @Transactional(readOnly = true)
    public List<Meeting> of(Long engagementId) {
        engagements.get(engagementId);
        return meetings.findByEngagementIdOrderByStartsAtAsc(engagementId);
    }

    /** For process steps, which act for the engine: no visibility check. */
    @Transactional(readOnly = true)
    public Meeting forProcess(Long engagementId, Long meetingId) {
        return find(engagementId, meetingId);
    }

    @Transactional(readOnly = true)
    public Meeting get(Long engagementId, Long meetingId) {
        engagements.get(engagementId);
        return find(engagementId, meetingId);
    }

    /** The meeting's current calendar object, as the attendees last received it. */
    @Transactional(readOnly = true)
    public CalendarInvite calendar(Long engagementId, Long meetingId) {
        Engagement engagement = engagements.get(engagementId);
        Meeting meeting = find(engagementId, meetingId);
        MeetingDetails details = details(engagement, meeting);
        return meeting.getStatus() == Meeting.Status.CANCELLED ? invites.cancel(details) : invites.request(details);
    }

    private void sendInvites(Engagement engagement, Meeting meeting, boolean update) {
        CalendarInvite invite = invites.request(details(engagement, meeting));
        Map<String, Object> model = model(meeting, update);
        for (String user : attendeeIds(engagement)) {
            notifications.sendInvite(dedupKey(meeting, user), Notifications.Kind.MEETING_INVITE, engagement.getId(), user,
                    model, invite);
        }
    }

    private Map<String, Object> model(Meeting meeting, boolean update) {
        Map<String, Object> model = new HashMap<>();
        model.put("title", meeting.getTitle());
        model.put("when", new PeopleDates.Moment(meeting.start()));
        model.put("whenInSubject", PeopleDates.dayAndTime(meeting.start()));
        model.put("minutes", meeting.getDurationMinutes());
        model.put("where", meeting.where());
        model.put("agenda", meeting.getAgenda() == null ? "(to follow)" : meeting.getAgenda());
        model.put("update", update);
        return model;
    }

    private MeetingDetails details(Engagement engagement, Meeting meeting) {
        return new MeetingDetails(meeting.getUid(), meeting.getSequence(), meeting.getTitle(), meeting.getAgenda(),
                meeting.start(), Duration.ofMinutes(meeting.getDurationMinutes()), meeting.getLocation(), meeting.getLink(),
                person(meeting.getOrganizer()), attendeeIds(engagement).stream().map(this::person)
                        .filter(p -> p.email() != null).toList());
    }

    private Person person(String userId) {
        return users.find(userId).map(p -> new Person(p.displayName(), p.hasEmail() ? p.email() : null))
                .filter(p -> p.email() != null)
                .orElse(new Person("BPO governance office", notificationSettings.from()));
    }

    private Set<String> attendeeIds(Engagement engagement) {
        Set<String> ids = new LinkedHashSet<>();
        for (Stakeholder stakeholder : engagements.stakeholdersForProcess(engagement.getId())) {
            ids.add(stakeholder.getUserId());
        }
        return ids;
    }

    private static String dedupKey(Meeting meeting, String user) {
        return "meeting:" + meeting.getUid() + ":" + meeting.getSequence() + ":" + user;
    }

    private static String kickOffAgenda(Engagement engagement) {
        return """
                1. Introductions: who is who on both sides (10 min)
                2. Scope and service levels of %s (20 min)
                3. Ways of working, reporting and escalation (20 min)
                4. Review cadence and next steps (20 min)
                5. Questions (20 min)""".formatted(engagement.getServiceScope());
    }

    private Meeting find(Long engagementId, Long meetingId) {
        return meetings.findByIdAndEngagementId(meetingId, engagementId)
                .orElseThrow(() -> new NotFoundException("meeting", meetingId));
    }
}
