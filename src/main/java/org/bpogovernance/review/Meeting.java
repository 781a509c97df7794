package org.bpogovernance.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** A meeting of an engagement's stakeholders, with its calendar identity (UID and SEQUENCE). */
@Entity
@Table(name = "meeting")
public class Meeting {

    public enum Kind {
        KICK_OFF, REVIEW_CALL
    }

    public enum Status {
        SCHEDULED, CANCELLED,
        /** Taken place; no longer the next call of its engagement. */
        HELD
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(name = "engagement_id", nullable = false)
    private Long engagementId;

    /** Stays the same for the meeting's life, so calendars update the entry instead of adding one. */
    @Column(nullable = false, unique = true)
    private String uid;

    /** Raised on every change sent to the attendees. */
    @Column(nullable = false)
    private int sequence;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    @Column(nullable = false)
    private String title;

    /** Local start time in the meeting's time zone. */
    @Column(name = "starts_at", nullable = false)
    private LocalDateTime startsAt;

    @Column(name = "duration_minutes", nullable = false)
    private int durationMinutes;

    @Column(name = "time_zone", nullable = false)
    private String timeZone;

    @Column(name = "meeting_format", nullable = false)
    private String format;

    /** The site, unless the meeting is remote. */
    private String location;

    /** The link to join online, unless the meeting is on premises. */
    private String link;

    private String agenda;

    @Column(nullable = false)
    private String organizer;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status = Status.SCHEDULED;

    protected Meeting() {
    }

    Meeting(Long engagementId, String uid, Kind kind, String title, LocalDateTime startsAt, int durationMinutes,
            String timeZone, String format, MeetingPlace place, String agenda, String organizer) {
        this.engagementId = engagementId;
        this.uid = uid;
        this.kind = kind;
        this.title = title;
        this.startsAt = startsAt;
        this.durationMinutes = durationMinutes;
        this.timeZone = timeZone;
        this.format = format;
        this.location = place.site();
        this.link = place.link();
        this.agenda = agenda;
        this.organizer = organizer;
    }

    void reschedule(LocalDateTime startsAt, int durationMinutes, String format, MeetingPlace place, String agenda) {
        this.startsAt = startsAt;
        this.durationMinutes = durationMinutes;
        this.format = format;
        this.location = place.site();
        this.link = place.link();
        this.agenda = agenda;
        this.sequence++;
    }

    void held() {
        this.status = Status.HELD;
    }

    void cancel() {
        this.status = Status.CANCELLED;
        this.sequence++;
    }

    public ZonedDateTime start() {
        return startsAt.atZone(ZoneId.of(timeZone));
    }

    public Long getId() {
        return id;
    }

    public long getVersion() {
        return version;
    }

    public Long getEngagementId() {
        return engagementId;
    }

    public String getUid() {
        return uid;
    }

    public int getSequence() {
        return sequence;
    }

    public Kind getKind() {
        return kind;
    }

    public String getTitle() {
        return title;
    }

    public LocalDateTime getStartsAt() {
        return startsAt;
    }

    public int getDurationMinutes() {
        return durationMinutes;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public String getFormat() {
        return format;
    }

    public String getLocation() {
        return location;
    }

    public String getLink() {
        return link;
    }

    public MeetingPlace place() {
        return new MeetingPlace(location, link);
    }

    /** Where, as the invite says it: "on premises at …", "remote: …", "hybrid: at … and online: …". */
    public String where() {
        return place().inWords(format);
    }

    public String getAgenda() {
        return agenda;
    }

    public String getOrganizer() {
        return organizer;
    }

    public Status getStatus() {
        return status;
    }
}
