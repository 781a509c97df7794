package org.bpogovernance.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bpogovernance.testing.Http.exchange;
import static org.bpogovernance.testing.Http.postJson;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.bpogovernance.platform.FormValues;
import org.bpogovernance.testing.Engagements.Registered;
import org.bpogovernance.testing.Engagements;
import org.bpogovernance.testing.GovernanceTest;
import org.bpogovernance.testing.Json;
import org.bpogovernance.testing.ReviewCallWalk;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
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
 * Every kind of bad input to milestones, reviews and action items gets a 4xx problem detail
 * naming the field at fault, and changes nothing. (Bad input in the review tasks themselves —
 * an agenda over the meeting length, a call in the past, an action item without an owner on the
 * engagement or due before the call, a sign-off by someone else or twice, editing signed minutes —
 * is in MilestoneReviewProcessTest.)
 */
@GovernanceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewBadInputTest {

    /** {engagement}, {other}, {milestone} and {review} in the path are replaced with real ids. */
    record Case(String name, String user, HttpMethod method, String path, String body, int status, String field) {
        @Override
        public String toString() {
            return name;
        }
    }

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    ManagementService managementService;

    @Autowired
    TaskService taskService;

    Registered engagement;
    Registered other;
    long milestoneId;
    long reviewId;

    /** Once per class, inside a test method: process coverage records only there. */
    @BeforeEach
    void oneEngagementWithAMilestoneAndAReviewBeingPrepared() {
        if (engagement != null) {
            return;
        }
        ReviewCallWalk walk = new ReviewCallWalk(rest, runtimeService, managementService, taskService);
        engagement = walk.operationalEngagement();
        other = Engagements.register(rest, LocalDate.now().minusMonths(1), LocalDate.now().plusYears(2));
        milestoneId = ((Number) Json.read(postJson(rest, "olivia", "demo", engagement.path() + "/milestones", """
                {"title": "Automation release 1", "dueDate": "%s", "owner": "peter"}""".formatted(LocalDate.now().plusMonths(2)))
                .getBody(), "$.id")).longValue();
        walk.callDue();
        reviewId = jdbc.queryForObject("select id from review where engagement_id = ?", Long.class, engagement.id());
    }

    static Stream<Case> badRequests() {
        String milestones = "/api/engagements/{engagement}/milestones";
        String review = "/api/engagements/{engagement}/reviews/{review}";
        String good = "\"title\": \"Go-live\", \"owner\": \"peter\", \"dueDate\": \"" + LocalDate.now().plusMonths(1) + "\"";
        return Stream.of(
                new Case("a milestone without a title", "olivia", HttpMethod.POST, milestones,
                        "{\"owner\": \"peter\", \"dueDate\": \"" + LocalDate.now().plusMonths(1) + "\"}", 400, "title"),
                new Case("a milestone due after the term", "olivia", HttpMethod.POST, milestones,
                        "{\"title\": \"Go-live\", \"owner\": \"peter\", \"dueDate\": \"2099-01-01\"}", 400, "dueDate"),
                new Case("a milestone owner who is not on the engagement", "olivia", HttpMethod.POST, milestones,
                        "{\"title\": \"Go-live\", \"owner\": \"carl\", \"dueDate\": \"" + LocalDate.now().plusMonths(1) + "\"}",
                        400, "owner"),
                new Case("a milestone status that does not exist", "olivia", HttpMethod.POST, milestones,
                        "{" + good + ", \"status\": \"LATE\"}", 400, "status"),
                new Case("a date that does not exist", "olivia", HttpMethod.POST, milestones,
                        "{\"title\": \"Go-live\", \"owner\": \"peter\", \"dueDate\": \"2026-02-30\"}", 400, "dueDate"),
                new Case("malformed JSON", "olivia", HttpMethod.POST, milestones, "{\"title\": ", 400, "body"),
                new Case("a milestone from a participant", "clara", HttpMethod.POST, milestones, "{" + good + "}", 403, null),
                new Case("a change with a stale version", "olivia", HttpMethod.PUT, milestones + "/{milestone}",
                        "{" + good + ", \"version\": 41}", 409, "version"),
                new Case("a change of a milestone that does not exist", "olivia", HttpMethod.PUT, milestones + "/987654321",
                        "{" + good + ", \"version\": 0}", 404, null),
                new Case("a milestone id that is no number", "olivia", HttpMethod.GET, milestones + "/first", null, 400,
                        "milestoneId"),
                new Case("a review that does not exist", "olivia", HttpMethod.GET,
                        "/api/engagements/{engagement}/reviews/987654321", null, 404, null),
                new Case("a review read under another engagement", "olivia", HttpMethod.GET,
                        "/api/engagements/{other}/reviews/{review}", null, 404, null),
                new Case("a review of an engagement carl is not on", "carl", HttpMethod.GET, review, null, 404, null),
                new Case("minutes of a review that does not exist", "olivia", HttpMethod.GET,
                        "/api/engagements/{engagement}/reviews/987654321/minutes", null, 404, null),
                new Case("a sign-off before the minutes are out", "clara", HttpMethod.POST, review + "/sign-off",
                        "{\"decision\": \"APPROVE\"}", 409, "status"),
                new Case("a sign-off by someone who is no named signer", "sam", HttpMethod.POST, review + "/sign-off",
                        "{\"decision\": \"APPROVE\"}", 400, "signer"),
                new Case("a sign-off without a body", "clara", HttpMethod.POST, review + "/sign-off", null, 400, "body"),
                new Case("reworking minutes that are not back for rework", "olivia", HttpMethod.PUT, review + "/minutes",
                        "{\"minutes\": \"New text\"}", 409, "status"),
                new Case("an action item status that does not exist", "olivia", HttpMethod.GET,
                        "/api/engagements/{engagement}/action-items?status=LATE", null, 400, "status"),
                new Case("overdue neither true nor false", "olivia", HttpMethod.GET,
                        "/api/engagements/{engagement}/action-items?overdue=perhaps", null, 400, "overdue"),
                new Case("an action item that does not exist", "olivia", HttpMethod.GET,
                        "/api/engagements/{engagement}/action-items/987654321", null, 404, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void isRefusedNamingTheFieldAndChangesNothing(Case bad) {
        List<Long> before = counts();
        String path = bad.path().replace("{engagement}", String.valueOf(engagement.id()))
                .replace("{other}", String.valueOf(other.id())).replace("{milestone}", String.valueOf(milestoneId))
                .replace("{review}", String.valueOf(reviewId));

        ResponseEntity<String> response = exchange(rest, bad.user(), "demo", bad.method(), path, bad.body());

        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(bad.status());
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody()).doesNotContain("Exception", "\tat ");
        if (bad.field() != null) {
            assertThat((List<String>) Json.read(response.getBody(), "$.errors[*].field")).contains(bad.field());
        }
        assertThat(counts()).as("rows and processes after a refused request").isEqualTo(before);
    }

    @Test
    void aFormFieldLongerThanTheEngineKeepsIsRefusedNamingIt() {
        List<Long> before = counts();
        String task = taskService.createTaskQuery().processInstanceBusinessKey(engagement.reference())
                .taskName("Prepare the agenda").singleResult().getId();
        String tooLong = "5 | olivia | " + "x".repeat(FormValues.MAX_TEXT);
        for (String path : List.of("/submit-form", "/complete")) {
            ResponseEntity<String> refused = postJson(rest, "olivia", "demo", "/engine-rest/task/" + task + path,
                    "{\"variables\": {\"objectives\": {\"value\": \"Review\"}, \"agendaItems\": {\"value\": "
                            + Json.quote(tooLong) + "}}}");
            assertThat(refused.getStatusCode().value()).as(path).isEqualTo(400);
            assertThat((String) Json.read(refused.getBody(), "$.message")).contains("Agenda items: must be at most 4000 characters");
        }
        assertThat(taskService.createTaskQuery().taskId(task).count()).as("the task stays open").isOne();
        assertThat(counts()).isEqualTo(before);
    }

    private List<Long> counts() {
        return Stream.of("milestone", "review", "agenda_item", "review_attendance", "review_sign_off", "action_item",
                "audit_entry", "act_ru_execution", "act_ru_task")
                .map(table -> jdbc.queryForObject("select count(*) from " + table, Long.class)).toList();
    }
}
