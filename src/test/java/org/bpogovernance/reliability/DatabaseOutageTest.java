package org.bpogovernance.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bpogovernance.testing.Http.get;
import static org.bpogovernance.testing.Http.postJson;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.bpogovernance.testing.Engagements;
import org.bpogovernance.testing.Engagements.Registered;
import org.bpogovernance.testing.Json;
import org.bpogovernance.testing.Modeler;
import org.bpogovernance.testing.ServiceProcess;
import org.bpogovernance.testing.TcpProxy;
import org.bpogovernance.testing.TestDatabase;
import org.bpogovernance.testing.WebappLogin;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * PostgreSQL goes away for 30 seconds while people work: every request is answered 503 with a
 * problem detail (never a 500, never a stack trace), nothing is half-written, and when the
 * database is back the service works again without a restart and its job executor fires the
 * timer that fell due meanwhile. The database is taken away by cutting the connection between
 * service and server (open connections reset, new ones refused: what a stopped server does),
 * so the shared test server itself keeps running.
 */
@Tag("reliability")
class DatabaseOutageTest {

    static final Duration OUTAGE = Duration.ofSeconds(30);
    static final String KICK_OFF = "{\"kickOffDate\": {\"value\": \"%s\"}, \"kickOffTime\": {\"value\": \"10:00\"}, "
            + "\"kickOffFormat\": {\"value\": \"REMOTE\"}}";

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Test
    void aThirtySecondOutageIsAnswered503AndTheServiceRecoversOnItsOwn() {
        assumeTrue(Reliability.postgresReady(), "runs in the reliability profile's PostgreSQL pass");
        String database = "governance_outage";
        TestDatabase.freshSideDatabase(database);
        try (TcpProxy proxy = new TcpProxy("127.0.0.1", 5432);
                ServiceProcess service = ServiceProcess.start("database-outage",
                        Reliability.onPostgres(Reliability.postgresUrl(database, proxy.port()), smtp)
                                .toArray(String[]::new))) {
            TestRestTemplate rest = service.http();
            List<Registered> engagements = new ArrayList<>();
            List<String> kickOffTasks = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Registered engagement = Engagements.register(rest, LocalDate.now().withDayOfMonth(1), LocalDate.now().plusYears(2));
                engagements.add(engagement);
                kickOffTasks.add(kickOffTask(rest, engagement));
            }
            long engagementsBefore = total(rest);
            assertThat(Modeler.deploy(rest, "olivia", "demo", "cluster-check.bpmn", Modeler.testModel("cluster-check.bpmn"))
                    .getStatusCode()).isEqualTo(HttpStatus.OK);
            String timerInstance = Reliability.startClusterCheck(rest, "OUTAGE-TIMER", "PT10S");
            String tasklistSession = WebappLogin.sessionCookie(rest, "olivia", "demo", "tasklist");

            proxy.cut();
            long until = System.nanoTime() + OUTAGE.toNanos();
            List<ResponseEntity<String>> answers = new ArrayList<>();
            while (System.nanoTime() < until) {
                for (String task : kickOffTasks) {
                    answers.add(postJson(rest, "olivia", "demo", "/engine-rest/task/" + task + "/submit-form",
                            "{\"variables\": " + KICK_OFF.formatted(LocalDate.now().plusDays(9)) + "}"));
                }
                answers.add(get(rest, "olivia", "demo", "/api/engagements"));
                answers.add(postJson(rest, "olivia", "demo", engagements.get(0).path() + "/stakeholders",
                        "{\"userId\": \"sam\", \"side\": \"CLIENT\", \"role\": \"EXECUTIVE_SPONSOR\", \"escalationLevel\": 3}"));
                answers.add(get(rest, "clara", "demo", "/engine-rest/task?assignee=clara"));
                answers.add(inTasklist(rest, tasklistSession));
            }
            proxy.restore();

            assertThat(answers).as("requests during the outage").hasSizeGreaterThanOrEqualTo(6).allSatisfy(answer -> {
                assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                assertThat(answer.getHeaders().getFirst("Retry-After")).isNotBlank();
                assertThat(answer.getBody()).contains("The database is not reachable or too busy to answer; nothing was changed")
                        .doesNotContain("Exception", "at org.", "at java.");
            });

            // Back on its own: no restart.
            awaitAnswer(rest, Duration.ofSeconds(60));
            assertThat(total(rest)).as("no engagement half-registered").isEqualTo(engagementsBefore);
            for (int i = 0; i < engagements.size(); i++) {
                assertThat(kickOffTask(rest, engagements.get(i))).as("the kick-off task is still open").isEqualTo(kickOffTasks.get(i));
                assertThat(get(rest, "olivia", "demo", engagements.get(i).path() + "/onboarding").getBody())
                        .as("no kick-off recorded").doesNotContain(LocalDate.now().plusDays(9).toString());
                ResponseEntity<String> done = postJson(rest, "olivia", "demo", "/engine-rest/task/" + kickOffTasks.get(i)
                        + "/submit-form", "{\"variables\": " + KICK_OFF.formatted(LocalDate.now().plusDays(9)) + "}");
                assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
            }
            assertThat(Json.<List<Object>>read(get(rest, "olivia", "demo", engagements.get(0).path() + "/stakeholders").getBody(),
                    "$[?(@.userId == 'sam')]")).as("no stakeholder added during the outage").isEmpty();

            // The job executor resumes: the timer that fell due during the outage fires.
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            List<String> answerTasks = List.of();
            while (answerTasks.isEmpty() && System.nanoTime() < deadline) {
                ServiceProcess.sleep(Duration.ofSeconds(1));
                answerTasks = Json.read(get(rest, "olivia", "demo", "/engine-rest/task?processInstanceId=" + timerInstance)
                        .getBody(), "$[*].name");
            }
            assertThat(answerTasks).as("the timer that fell due during the outage has fired").containsExactly("Answer the cluster check");
            assertThat(get(rest, null, null, "/actuator/health").getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(inTasklist(rest, tasklistSession).getStatusCode()).as("Tasklist, same session").isEqualTo(HttpStatus.OK);
        }
    }

    /** Tasklist's own request for olivia's tasks, with her browser session. */
    private static ResponseEntity<String> inTasklist(TestRestTemplate rest, String sessionCookie) {
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.COOKIE, sessionCookie);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        return rest.exchange("/camunda/api/engine/engine/default/task?assignee=olivia&maxResults=15", HttpMethod.GET,
                new HttpEntity<>(headers), String.class);
    }

    private static String kickOffTask(TestRestTemplate rest, Registered engagement) {
        List<String> ids = Json.read(get(rest, "olivia", "demo", "/engine-rest/task?processInstanceBusinessKey="
                + engagement.reference() + "&taskDefinitionKey=userTask_scheduleKickOff").getBody(), "$[*].id");
        assertThat(ids).hasSize(1);
        return ids.get(0);
    }

    private static long total(TestRestTemplate rest) {
        ResponseEntity<String> page = get(rest, "olivia", "demo", "/api/engagements?size=1");
        assertThat(page.getStatusCode()).as(page.getBody()).isEqualTo(HttpStatus.OK);
        return ((Number) Json.read(page.getBody(), "$.page.totalElements")).longValue();
    }

    private static void awaitAnswer(TestRestTemplate rest, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (get(rest, "olivia", "demo", "/api/engagements?size=1").getStatusCode() != HttpStatus.OK) {
            assertThat(System.nanoTime()).as("the service answers again within " + patience).isLessThan(deadline);
            ServiceProcess.sleep(Duration.ofSeconds(1));
        }
    }
}
