package org.bpogovernance.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.bpogovernance.testing.Http.exchange;
import static org.bpogovernance.testing.Http.get;
import static org.bpogovernance.testing.Http.postJson;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.bpogovernance.testing.GovernanceTest;
import org.bpogovernance.testing.Json;
import org.bpogovernance.testing.Mail;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Scheduling the onboarding kick-off invites every stakeholder; moving it updates their
 * calendars (same UID, higher SEQUENCE); cancelling it removes it (METHOD:CANCEL). Each invite is
 * read back with ical4j from what the SMTP server received.
 */
@GovernanceTest
class MeetingInviteTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired
    TestRestTemplate rest;

    @Autowired
    TaskService taskService;

    @Test
    void aKickOffIsInvitedMovedAndCancelledInEveryonesCalendar() {
        String reference = "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String registration = """
                {"name": "Fabrikam helpdesk %1$s", "client": "Fabrikam", "provider": "Northwind BPO",
                 "serviceScope": "First-line IT helpdesk", "contractReference": "%1$s",
                 "termStart": "%2$s", "termEnd": "%3$s", "noticePeriodDays": 90, "timeZone": "Europe/Berlin",
                 "siteAddress": "Fabrikam Campus, Munich", "remoteMeetingLink": "https://meet.example.org/fabrikam",
                 "clientRepresentative": "clara", "providerManager": "peter", "governanceOfficer": "olivia"}"""
                .formatted(reference, LocalDate.now().plusMonths(1), LocalDate.now().plusYears(3));
        Integer engagementId = Json.read(postJson(rest, "olivia", "demo", "/api/engagements", registration).getBody(), "$.id");
        LocalDate day = LocalDate.now().plusDays(9);
        var kickOff = taskService.createTaskQuery().processInstanceBusinessKey(reference).singleResult();
        taskService.complete(kickOff.getId(), Variables.createVariables().putValue("kickOffDate", day.toString())
                .putValue("kickOffTime", "10:00").putValue("kickOffFormat", "HYBRID"));

        List<Calendar> invites = calendarsFor(reference, "REQUEST", 3);
        VEvent invite = event(invites.get(0));
        String uid = value(invite, Property.UID);
        assertThat(value(invite, Property.SEQUENCE)).isEqualTo("0");
        assertThat(invite.getProperties(Property.DTSTAMP)).as("one DTSTAMP, as RFC 5545 allows").hasSize(1);
        assertThat(invite.getProperty(Property.DTSTART).orElseThrow().toString())
                .contains("TZID=Europe/Berlin", day.toString().replace("-", "") + "T100000");
        assertThat(value(invite, Property.LOCATION)).isEqualTo("Fabrikam Campus, Munich");
        assertThat(value(invite, Property.URL)).isEqualTo("https://meet.example.org/fabrikam");
        assertThat(value(invite, Property.ORGANIZER)).isEqualTo("mailto:olivia@demo.bpo-governance.example");
        List<String> attendees = invite.<Property>getProperties(Property.ATTENDEE).stream().map(Property::getValue).toList();
        assertThat(attendees).containsExactlyInAnyOrder(
                "mailto:clara@demo.bpo-governance.example", "mailto:peter@demo.bpo-governance.example",
                "mailto:olivia@demo.bpo-governance.example");
        assertThat(value(invite, Property.DESCRIPTION)).contains("Introductions");
        assertThat(invites.get(0).getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("REQUEST");
        assertThat(invites.get(0).getComponent(Component.VTIMEZONE)).isPresent();

        String meetings = "/api/engagements/" + engagementId + "/meetings";
        String meeting = get(rest, "clara", "demo", meetings).getBody();
        Integer meetingId = Json.read(meeting, "$[0].id");
        Integer version = Json.read(meeting, "$[0].version");

        ResponseEntity<String> past = exchange(rest, "olivia", "demo", HttpMethod.PUT, meetings + "/" + meetingId,
                "{\"startsAt\": \"2020-01-01T10:00:00\", \"durationMinutes\": 90, \"version\": " + version + "}");
        assertThat(past.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<String>) Json.read(past.getBody(), "$.errors[*].field")).containsExactly("startsAt");
        assertThat(exchange(rest, "clara", "demo", HttpMethod.PUT, meetings + "/" + meetingId,
                "{\"startsAt\": \"" + day.plusDays(1) + "T14:00:00\", \"durationMinutes\": 60, \"version\": " + version + "}")
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<String> moved = exchange(rest, "olivia", "demo", HttpMethod.PUT, meetings + "/" + meetingId,
                "{\"startsAt\": \"" + day.plusDays(1) + "T14:00:00\", \"durationMinutes\": 60,"
                        + " \"location\": \"Fabrikam Campus, Munich\", \"version\": " + version + "}");
        assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.OK);
        VEvent update = event(calendarsFor(reference, "REQUEST", 6).get(5));
        assertThat(value(update, Property.UID)).isEqualTo(uid);
        assertThat(value(update, Property.SEQUENCE)).isEqualTo("1");
        assertThat(update.getProperty(Property.DTSTART).orElseThrow().toString())
                .contains(day.plusDays(1).toString().replace("-", "") + "T140000");

        assertThat(postJson(rest, "olivia", "demo", meetings + "/" + meetingId + "/cancel",
                "{\"reason\": \"Both sponsors are travelling\"}").getStatusCode()).isEqualTo(HttpStatus.OK);
        List<Calendar> cancellations = calendarsFor(reference, "CANCEL", 3);
        VEvent cancelled = event(cancellations.get(0));
        assertThat(value(cancelled, Property.UID)).isEqualTo(uid);
        assertThat(value(cancelled, Property.SEQUENCE)).isEqualTo("2");
        assertThat(value(cancelled, Property.STATUS)).isEqualTo("CANCELLED");
        assertThat(postJson(rest, "olivia", "demo", meetings + "/" + meetingId + "/cancel", "{}").getStatusCode())
                .as("cancelled twice").isEqualTo(HttpStatus.CONFLICT);

        ResponseEntity<String> download = get(rest, "peter", "demo", meetings + "/" + meetingId + "/invite.ics");
        assertThat(download.getHeaders().getContentType().toString()).startsWith("text/calendar");
        Calendar downloaded = Mail.parse(download.getBody());
        assertThat(downloaded.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("CANCEL");
        assertThat(value(event(downloaded), Property.UID)).isEqualTo(uid);
        assertThat(get(rest, "carl", "demo", meetings + "/" + meetingId + "/invite.ics").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    /** The calendars of the given METHOD in mails about this engagement, once {@code count} have arrived. */
    private List<Calendar> calendarsFor(String reference, String method, int count) {
        // the outbox sends after the commit and on its poll; a busy machine may take a while
        await().atMost(Duration.ofSeconds(60)).until(() -> calendars(reference, method).size() >= count);
        return calendars(reference, method);
    }

    private List<Calendar> calendars(String reference, String method) {
        MimeMessage[] received = smtp.getReceivedMessages();
        return Arrays.stream(received).filter(m -> Mail.subject(m).contains(reference))
                .filter(m -> !Mail.parts(m, "text/calendar").isEmpty())
                .map(Mail::calendar)
                .filter(c -> method.equals(c.getProperty(Property.METHOD).orElseThrow().getValue()))
                .toList();
    }

    private static VEvent event(Calendar calendar) {
        return calendar.<VEvent>getComponent(Component.VEVENT).orElseThrow();
    }

    private static String value(VEvent event, String property) {
        return event.getProperty(property).orElseThrow().getValue();
    }
}
