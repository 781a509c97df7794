package org.bpogovernance.notification;

import java.net.URI;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.springframework.stereotype.Component;

/**
 * Calendar invites with ical4j: a stable UID per meeting, a SEQUENCE that rises with each
 * change, METHOD:REQUEST for invitations and updates, METHOD:CANCEL for cancellations, the
 * meeting's time zone (with its VTIMEZONE), location or link, and the agenda as description.
 */
@Component
public class CalendarInvites {

    public record Person(String name, String email) {
    }

    public record MeetingDetails(String uid, int sequence, String summary, String description,
            ZonedDateTime start, Duration duration, String location, String link, Person organizer,
            List<Person> attendees) {
    }

    private final TimeZoneRegistry timeZones = TimeZoneRegistryFactory.getInstance().createRegistry();

    public CalendarInvite request(MeetingDetails meeting) {
        return new CalendarInvite(calendar(meeting, ImmutableMethod.REQUEST, false).toString(), "REQUEST");
    }

    public CalendarInvite cancel(MeetingDetails meeting) {
        return new CalendarInvite(calendar(meeting, ImmutableMethod.CANCEL, true).toString(), "CANCEL");
    }

    private Calendar calendar(MeetingDetails meeting, Method method, boolean cancelled) {
        VEvent event = new VEvent(meeting.start(), meeting.start().plus(meeting.duration()), meeting.summary());
        event.add(new Uid(meeting.uid()));
        event.add(new Sequence(meeting.sequence()));
        event.add(new Organizer(mailto(meeting.organizer().email())).add(new Cn(meeting.organizer().name())));
        for (Person attendee : meeting.attendees()) {
            event.add(new Attendee(mailto(attendee.email())).add(new Cn(attendee.name())).add(Role.REQ_PARTICIPANT)
                    .add(PartStat.NEEDS_ACTION).add(Rsvp.TRUE));
        }
        if (meeting.location() != null) {
            event.add(new Location(meeting.location()));
        }
        if (meeting.link() != null) {
            event.add(new Url(URI.create(meeting.link())));
        }
        if (meeting.description() != null) {
            event.add(new Description(meeting.description()));
        }
        if (cancelled) {
            event.add(new Status(Status.VALUE_CANCELLED));
        }
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//BPO Governance Engine//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(method);
        calendar.add(timeZones.getTimeZone(meeting.start().getZone().getId()).getVTimeZone());
        calendar.add(event);
        return calendar;
    }

    private static URI mailto(String email) {
        return URI.create("mailto:" + email);
    }
}
