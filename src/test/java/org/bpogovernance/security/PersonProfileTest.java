package org.bpogovernance.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bpogovernance.testing.Http.exchange;
import static org.bpogovernance.testing.Http.get;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;
import org.bpogovernance.testing.Engagements;
import org.bpogovernance.testing.Engagements.Registered;
import org.bpogovernance.testing.GovernanceTest;
import org.bpogovernance.testing.Json;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A person's own time zone and working hours: set by them or an officer, refused when they make no
 * sense, and used where people read times: a task mail gives the due time in the engagement's zone
 * and in theirs.
 */
@GovernanceTest
class PersonProfileTest {

    static final String PASSWORD = "Profile-test-1!";
    static final String KOLKATA_HOURS = """
            {"timeZone": "Asia/Kolkata", "workStarts": "09:30", "workEnds": "18:30",
             "workDays": ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"]}""";

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired
    TestRestTemplate rest;

    @Autowired
    IdentityService identityService;

    @Autowired
    TaskService taskService;

    @Autowired
    PersonProfiles profiles;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aPersonSetsTheirTimeZoneAndHoursAndSeesDueTimesInBoth() {
        String pavan = Engagements.person(identityService, "pavan-" + UUID.randomUUID().toString().substring(0, 6),
                GovernanceGroups.PROVIDER_MANAGERS, PASSWORD);
        assertThat(get(rest, pavan, PASSWORD, "/api/me/profile").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        ResponseEntity<String> set = exchange(rest, pavan, PASSWORD, HttpMethod.PUT, "/api/me/profile", KOLKATA_HOURS);
        assertThat(set.getStatusCode()).as(set.getBody()).isEqualTo(HttpStatus.OK);
        String mine = get(rest, pavan, PASSWORD, "/api/me/profile").getBody();
        assertThat(Json.<String>read(mine, "$.timeZone")).isEqualTo("Asia/Kolkata");
        assertThat(Json.<List<String>>read(mine, "$.workDays")).containsExactly("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY",
                "FRIDAY");

        // A task for him: its mail gives the due time in Berlin (the engagement's) and in Kolkata (his).
        Registered engagement = Engagements.registerFor(rest, "Profile " + pavan, "clara", pavan);
        Engagements.readyForCharterSignature(taskService, engagement);
        List<String> mails = jdbc.queryForList("select text_body from notification_outbox where recipient_user_id = ?"
                + " and kind = 'task-assigned'", String.class, pavan);
        assertThat(mails).isNotEmpty().allSatisfy(mail -> assertThat(mail).containsPattern(
                "Due: \\w+ \\d+ \\w+ \\d{4}, \\d\\d:\\d\\d \\(Europe/Berlin\\); for you .*\\d\\d:\\d\\d \\(Asia/Kolkata\\)"));
        assertThat(jdbc.queryForList("select text_body from notification_outbox where recipient_user_id = 'clara'"
                + " and kind = 'task-assigned' and engagement_id = ?", String.class, engagement.id()))
                .as("clara has set no zone of her own").allSatisfy(mail -> assertThat(mail).doesNotContain("for you"));

        // Monday 10:00 in Berlin is 13:30 or 14:30 in Kolkata, inside his hours; 16:00 is 19:30 or 20:30, outside.
        LocalDate monday = LocalDate.now().with(TemporalAdjusters.next(java.time.DayOfWeek.MONDAY));
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        assertThat(profiles.outsideWorkingHours(pavan, monday.atTime(10, 0).atZone(berlin), Duration.ofHours(1))).isFalse();
        assertThat(profiles.outsideWorkingHours(pavan, monday.atTime(16, 0).atZone(berlin), Duration.ofHours(1))).isTrue();
        assertThat(profiles.outsideWorkingHours(pavan, monday.plusDays(5).atTime(10, 0).atZone(berlin), Duration.ofHours(1)))
                .as("Saturday").isTrue();

        // A night shift, Monday to Friday from 22:00 to 06:00 in Kolkata, runs into the next morning.
        assertThat(exchange(rest, pavan, PASSWORD, HttpMethod.PUT, "/api/me/profile", KOLKATA_HOURS.replace("09:30", "22:00")
                .replace("18:30", "06:00")).getStatusCode()).isEqualTo(HttpStatus.OK);
        ZoneId kolkata = ZoneId.of("Asia/Kolkata");
        assertThat(profiles.outsideWorkingHours(pavan, monday.plusDays(1).atTime(2, 0).atZone(kolkata), Duration.ofHours(1)))
                .as("Tuesday 02:00, in Monday's shift").isFalse();
        assertThat(profiles.outsideWorkingHours(pavan, monday.atTime(2, 0).atZone(kolkata), Duration.ofHours(1)))
                .as("Monday 02:00 belongs to Sunday's shift, which he does not work").isTrue();
        assertThat(profiles.outsideWorkingHours(pavan, monday.atTime(12, 0).atZone(kolkata), Duration.ofHours(1))).isTrue();
    }

    @Test
    void nonsenseIsRefusedNamingTheFieldAndOnlyOfficersSetSomeoneElses() {
        String priya = Engagements.person(identityService, "priya-" + UUID.randomUUID().toString().substring(0, 6),
                GovernanceGroups.CLIENT_REPRESENTATIVES, PASSWORD);
        assertThat(exchange(rest, priya, PASSWORD, HttpMethod.PUT, "/api/me/profile", KOLKATA_HOURS).getStatusCode())
                .isEqualTo(HttpStatus.OK);

        for (String[] bad : List.of(
                new String[] {"timeZone", KOLKATA_HOURS.replace("Asia/Kolkata", "Mars/Olympus"), "is not a time zone"},
                new String[] {"workEnds", KOLKATA_HOURS.replace("18:30", "09:30"), "must differ from workStarts"},
                new String[] {"workDays", KOLKATA_HOURS.replaceAll("\\[[^]]*]", "[]"), "must not be empty"},
                new String[] {"workDays", KOLKATA_HOURS.replace("\"MONDAY\",", "null,"), "must not be null"},
                new String[] {"workStarts", KOLKATA_HOURS.replace("09:30", "half past nine"), ""})) {
            ResponseEntity<String> refused = exchange(rest, priya, PASSWORD, HttpMethod.PUT, "/api/me/profile", bad[1]);
            assertThat(refused.getStatusCode()).as(bad[0] + ": " + refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getBody()).contains(bad[0], bad[2]);
        }
        assertThat(Json.<String>read(get(rest, priya, PASSWORD, "/api/me/profile").getBody(), "$.workEnds"))
                .as("left as it was").startsWith("18:30");

        String berlin = KOLKATA_HOURS.replace("Asia/Kolkata", "Europe/Berlin");
        assertThat(exchange(rest, "clara", "demo", HttpMethod.PUT, "/api/people/" + priya + "/profile", berlin)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get(rest, "clara", "demo", "/api/people/" + priya + "/profile").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(exchange(rest, "olivia", "demo", HttpMethod.PUT, "/api/people/" + priya + "/profile", berlin)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(Json.<String>read(get(rest, priya, PASSWORD, "/api/me/profile").getBody(), "$.timeZone"))
                .isEqualTo("Europe/Berlin");
        assertThat(exchange(rest, "olivia", "demo", HttpMethod.PUT, "/api/people/nobody-like-this/profile", berlin)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }
}
