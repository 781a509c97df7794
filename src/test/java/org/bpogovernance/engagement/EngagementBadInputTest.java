package org.bpogovernance.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bpogovernance.testing.Http.exchange;
import static org.bpogovernance.testing.Http.postJson;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.bpogovernance.testing.GovernanceTest;
import org.bpogovernance.testing.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every kind of bad input to /api/engagements gets a 4xx problem detail naming the field at
 * fault, and changes nothing: no engagement, stakeholder, audit entry or process appears.
 */
@GovernanceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngagementBadInputTest {

    record Case(String name, HttpMethod method, Function<Long, String> path, Function<ObjectNode, String> body,
            int status, String field) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final String EXISTING = EngagementFixtures.uniqueReference();

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    Long engagementId;

    /** Once per class, inside a test method: process coverage records only there. */
    @BeforeEach
    void registerOneEngagement() {
        if (engagementId != null) {
            return;
        }
        engagementId = ((Integer) Json.read(postJson(rest, "olivia", "demo", "/api/engagements",
                EngagementFixtures.registration(EXISTING).toString()).getBody(), "$.id")).longValue();
    }

    static Stream<Case> badRequests() {
        Function<Long, String> engagements = id -> "/api/engagements";
        Function<Long, String> stakeholders = id -> "/api/engagements/" + id + "/stakeholders";
        return Stream.of(
                register("term end before term start", b -> b.put("termEnd", b.get("termStart").asText())
                        .put("termStart", "2031-01-01"), 400, "termEnd"),
                register("notice period longer than the term", b -> b.put("noticePeriodDays", 3000), 400, "noticePeriodDays"),
                register("unknown user as client representative", b -> b.put("clientRepresentative", "nobody"), 400,
                        "clientRepresentative"),
                register("one person on both sides", b -> b.put("clientRepresentative", "peter"), 400, "providerManager"),
                register("a second engagement with the same contract reference", b -> b.put("contractReference", EXISTING),
                        409, "contractReference"),
                register("notice period not a number", b -> b.put("noticePeriodDays", "ninety"), 400, "noticePeriodDays"),
                register("a date that does not exist", b -> b.put("termStart", "2026-13-45"), 400, "termStart"),
                register("unknown time zone", b -> b.put("timeZone", "Mars/Olympus"), 400, "timeZone"),
                register("blank name", b -> b.put("name", "  "), 400, "name"),
                register("meeting link that is no web address", b -> b.put("remoteMeetingLink", "teams"), 400,
                        "remoteMeetingLink"),
                register("the same tier twice", b -> b.set("tiers", Json.object("""
                        {"t": [{"tier": "OPERATIONAL", "cadence": "MONTHLY", "meetingMinutes": 60},
                               {"tier": "OPERATIONAL", "cadence": "QUARTERLY", "meetingMinutes": 60}]}""").get("t")),
                        400, "tiers[1].tier"),
                register("an unknown tier level", b -> b.set("tiers", Json.object("""
                        {"t": [{"tier": "WEEKLY_CHAT", "cadence": "MONTHLY", "meetingMinutes": 60}]}""").get("t")),
                        400, "tiers[0].tier"),
                register("a meeting of five minutes", b -> b.set("tiers", Json.object("""
                        {"t": [{"tier": "OPERATIONAL", "cadence": "MONTHLY", "meetingMinutes": 5}]}""").get("t")),
                        400, "tiers[0].meetingMinutes"),
                new Case("malformed JSON", HttpMethod.POST, engagements, b -> "{\"name\": \"x\",", 400, "body"),
                new Case("no body", HttpMethod.POST, engagements, b -> null, 400, "body"),
                new Case("unknown phase in the filter", HttpMethod.GET, id -> "/api/engagements?phase=DREAMING", b -> null,
                        400, "phase"),
                new Case("sorting by a field that does not exist", HttpMethod.GET, id -> "/api/engagements?sort=colour",
                        b -> null, 400, "sort"),
                new Case("an engagement id that does not exist", HttpMethod.GET, id -> "/api/engagements/987654321",
                        b -> null, 404, null),
                new Case("an engagement id that is no number", HttpMethod.GET, id -> "/api/engagements/abc", b -> null,
                        400, "id"),
                new Case("a change without the version read", HttpMethod.PUT, id -> "/api/engagements/" + id,
                        b -> b.put("contractReference", EXISTING).toString(), 400, "version"),
                new Case("a change of an engagement that does not exist", HttpMethod.PUT, id -> "/api/engagements/987654321",
                        b -> b.put("version", 0).toString(), 404, null),
                new Case("unknown user as stakeholder", HttpMethod.POST, stakeholders,
                        b -> "{\"userId\": \"nobody\", \"side\": \"CLIENT\", \"role\": \"PROJECT_LEAD\"}", 400, "userId"),
                new Case("a client-side person added on the provider side", HttpMethod.POST, stakeholders,
                        b -> "{\"userId\": \"clara\", \"side\": \"PROVIDER\", \"role\": \"PROJECT_LEAD\"}", 400, "side"),
                new Case("a client representative on the provider side", HttpMethod.POST, stakeholders,
                        b -> "{\"userId\": \"sam\", \"side\": \"PROVIDER\", \"role\": \"CLIENT_REPRESENTATIVE\"}", 400, "side"),
                new Case("escalation level 7", HttpMethod.POST, stakeholders,
                        b -> "{\"userId\": \"sam\", \"side\": \"CLIENT\", \"role\": \"EXECUTIVE_SPONSOR\", \"escalationLevel\": 7}",
                        400, "escalationLevel"),
                new Case("the same role twice for one person", HttpMethod.POST, stakeholders,
                        b -> "{\"userId\": \"clara\", \"side\": \"CLIENT\", \"role\": \"CLIENT_REPRESENTATIVE\"}", 409, "userId"),
                new Case("removing a stakeholder who does not exist", HttpMethod.DELETE,
                        id -> "/api/engagements/" + id + "/stakeholders/987654321", b -> null, 404, null));
    }

    private static Case register(String name, Function<ObjectNode, ObjectNode> change, int status, String field) {
        return new Case(name, HttpMethod.POST, id -> "/api/engagements",
                b -> change.apply(b).toString(), status, field);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void isRefusedNamingTheFieldAndChangesNothing(Case bad) {
        List<Long> before = counts();

        ResponseEntity<String> response = exchange(rest, "olivia", "demo", bad.method(), bad.path().apply(engagementId),
                bad.body().apply(EngagementFixtures.registration(EngagementFixtures.uniqueReference())));

        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(bad.status());
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody()).doesNotContain("Exception", "\tat ");
        if (bad.field() != null) {
            assertThat((List<String>) Json.read(response.getBody(), "$.errors[*].field")).contains(bad.field());
        }
        assertThat(counts()).as("rows and processes after a refused request").isEqualTo(before);
    }

    @Test
    void cannotRemoveTheOnlySignerOfASide() {
        // One engagement, one client representative: removing her would leave nobody to sign.
        Long clientRepresentative = jdbc.queryForObject(
                "select id from stakeholder where engagement_id = ? and role = 'CLIENT_REPRESENTATIVE'", Long.class,
                engagementId);
        List<Long> before = counts();
        ResponseEntity<String> response = exchange(rest, "olivia", "demo", HttpMethod.DELETE,
                "/api/engagements/" + engagementId + "/stakeholders/" + clientRepresentative, null);
        assertThat(response.getStatusCode().value()).isEqualTo(409);
        assertThat(counts()).isEqualTo(before);
    }

    private List<Long> counts() {
        return List.of(
                jdbc.queryForObject("select count(*) from engagement", Long.class),
                jdbc.queryForObject("select count(*) from stakeholder", Long.class),
                jdbc.queryForObject("select count(*) from audit_entry", Long.class),
                jdbc.queryForObject("select count(*) from act_ru_execution", Long.class));
    }
}
