package org.bpogovernance.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bpogovernance.testing.Http.get;

import java.util.UUID;
import org.bpogovernance.testing.GovernanceTest;
import org.bpogovernance.testing.Http;
import org.bpogovernance.testing.WebappLogin;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** Who gets in where: /api, /engine-rest, actuator, Swagger UI and the Camunda webapps. */
@GovernanceTest
class AccessControlTest {

    static final String DEMO = DemoUsers.PASSWORD;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    IdentityService identityService;

    String probeUser;

    @BeforeEach
    void createProbeUser() {
        // A user of its own for wrong passwords: failed logins lock a user for a while.
        probeUser = "probe-" + UUID.randomUUID().toString().substring(0, 8);
        var user = identityService.newUser(probeUser);
        user.setPassword("Right-password-1!");
        identityService.saveUser(user);
        identityService.createMembership(probeUser, GovernanceGroups.GOVERNANCE_OFFICERS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/me", "/api/audit", "/engine-rest/task", "/engine-rest/engine",
            "/engine-rest/deployment", "/actuator/metrics", "/actuator/info", "/v3/api-docs", "/swagger-ui/index.html"})
    void withoutCredentialsEverythingIsRefused(String path) {
        ResponseEntity<String> response = get(rest, null, null, path);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
        assertNoDataAndNoStackTrace(response);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/me", "/api/audit", "/engine-rest/task", "/engine-rest/engine",
            "/engine-rest/deployment", "/actuator/metrics", "/actuator/health", "/v3/api-docs"})
    void aWrongPasswordIsRefused(String path) {
        assertThat(get(rest, probeUser, "Right-password-1!", path).getStatusCode()).isEqualTo(HttpStatus.OK);

        ResponseEntity<String> response = get(rest, probeUser, "wrong-password", path);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertNoDataAndNoStackTrace(response);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/me", "/api/audit", "/engine-rest/task", "/engine-rest/engine",
            "/engine-rest/deployment", "/actuator/metrics", "/actuator/info", "/v3/api-docs", "/swagger-ui/index.html"})
    void anOfficerWithTheRightPasswordGetsIn(String path) {
        assertThat(get(rest, "olivia", DEMO, path).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/engine-rest/task", "/engine-rest/deployment", "/api/me", "/api/engagements"})
    void dataAnswersCarrySecurityHeaders(String path) {
        ResponseEntity<String> response = get(rest, "olivia", DEMO, path);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getHeaders().getFirst("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.getHeaders().getFirst("Content-Security-Policy")).contains("default-src 'none'", "frame-ancestors 'none'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/camunda/app/cockpit/default/", "/camunda/app/tasklist/default/"})
    void webappPagesIncludingTheGovernanceViewCarryTheWebappsSecurityHeaders(String path) {
        ResponseEntity<String> page = rest.getForEntity(path, String.class);

        assertThat(page.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.getHeaders().getFirst("Content-Security-Policy")).contains("frame-ancestors 'none'");
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "clara | PUT  | /engine-rest/job/no-such-job/retries | {}",
            "clara | PUT  | /engine-rest/job/no-such-job/retries | {\"retries\": \"many\"}",
            "clara | GET  | /engine-rest/decision-definition/key/kpi-health/xml | ",
            "clara | GET  | /engine-rest/process-instance/no-such-instance | ",
            "clara | GET  | /engine-rest/task/no-such-task/variables/x | ",
            "clara | POST | /engine-rest/process-definition/key/escalation/start | {\"variables\": {\"escalationId\": {\"value\": \"x\", \"type\": \"String\"}}}",
            "clara | POST | /engine-rest/process-definition/key/escalation/start | {\"variables\": {\"escalationId\": {\"value\": 424242, \"type\": \"Long\"}}}",
            "clara | POST | /engine-rest/process-definition/key/escalation/submit-form | {\"variables\": {\"escalationSeverity\": {\"value\": 5, \"type\": \"Integer\"}}}",
            "sam   | GET  | /engine-rest/process-definition/statistics | ",
            "sam   | GET  | /engine-rest/deployment/no-such-deployment/resources | "})
    void aParticipantsMisuseOfEngineRestIsAClientErrorInWords(String user, String method, String path, String body) {
        ResponseEntity<String> response = Http.exchange(rest, user, DEMO, org.springframework.http.HttpMethod.valueOf(method),
                path, body);

        assertThat(response.getStatusCode().is4xxClientError()).as(response.getStatusCode() + " " + response.getBody()).isTrue();
        assertThat(response.getBody()).contains("\"message\"")
                .doesNotContain("\tat org.", "ClassCastException", "NullPointerException", "java.lang.");
    }

    @Test
    void camundasPasswordPolicyRefusesAWeakPasswordAndCreatesNobody() {
        String weak = "weak-" + UUID.randomUUID().toString().substring(0, 8);
        ResponseEntity<String> refused = Http.postJson(rest, "admin", "admin-test-password", "/engine-rest/user/create",
                "{\"profile\": {\"id\": \"" + weak + "\"}, \"credentials\": {\"password\": \"1\"}}");

        assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("Password does not match policy");
        assertThat(identityService.createUserQuery().userId(weak).count()).isZero();
        assertThat(get(rest, "olivia", DEMO, "/engine-rest/identity/password-policy").getBody()).contains("LENGTH", "DIGIT");

        ResponseEntity<String> created = Http.postJson(rest, "admin", "admin-test-password", "/engine-rest/user/create",
                "{\"profile\": {\"id\": \"" + weak + "\"}, \"credentials\": {\"password\": \"Much-stronger-1!\"}}");
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void healthIsPublicButItsDetailsAreNot() {
        ResponseEntity<String> anonymous = get(rest, null, null, "/actuator/health");
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(anonymous.getBody()).contains("\"status\":\"UP\"").doesNotContain("components", "processEngine");

        ResponseEntity<String> loggedIn = get(rest, "sam", DEMO, "/actuator/health");
        assertThat(loggedIn.getBody()).contains("\"processEngine\"", "\"db\"");
    }

    @ParameterizedTest(name = "{0} GET {1} -> {2}")
    @CsvSource({
            "olivia, /api/audit, 200",
            "admin,  /api/audit, 200",
            "clara,  /api/audit, 403",
            "peter,  /api/audit, 403",
            "sam,    /api/audit, 403",
            "clara,  /api/me,    200",
            "sam,    /api/me,    200",
            "olivia, /actuator/prometheus, 200",
            "admin,  /actuator/prometheus, 200",
            "clara,  /actuator/prometheus, 403",
            "sam,    /actuator/metrics,    403"})
    void officerOnlyEndpointsRefuseOtherGroups(String user, String path, int status) {
        String password = user.equals("admin") ? "admin-test-password" : DEMO;
        ResponseEntity<String> response = get(rest, user, password, path);

        assertThat(response.getStatusCode().value()).isEqualTo(status);
        if (status == 403) {
            assertThat(response.getBody()).contains("\"status\":403").doesNotContain("\"content\"");
        }
    }

    @ParameterizedTest(name = "{0} deploys from Camunda Modeler -> {1}")
    @CsvSource({"olivia, 200", "clara, 403", "peter, 403", "sam, 403"})
    void onlyOfficersDeployThroughEngineRest(String user, int status) {
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("deployment-name", "access-check-" + user);
        body.add("deployment-source", "Camunda Modeler");
        body.add("data", new ByteArrayResource(emptyProcess(user).getBytes()) {
            @Override
            public String getFilename() {
                return "access-check.bpmn";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, DEMO);
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);

        ResponseEntity<String> response = rest.postForEntity("/engine-rest/deployment/create",
                new HttpEntity<>(body, headers), String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(status);
    }

    @ParameterizedTest(name = "{0} logs into {1} -> {2}")
    @CsvSource({
            "clara,  demo, tasklist, 200",
            "peter,  demo, tasklist, 200",
            "clara,  demo, cockpit,  403",
            "peter,  demo, cockpit,  403",
            "sam,    demo, cockpit,  200",
            "olivia, demo, cockpit,  200",
            "olivia, demo, admin,    403",
            "admin,  admin-test-password, admin, 200"})
    void webappLoginsFollowTheGroups(String user, String password, String app, int status) {
        assertThat(WebappLogin.status(rest, user, password, app)).isEqualTo(status);
    }

    @Test
    void aWrongPasswordDoesNotOpenTheWebapps() {
        assertThat(WebappLogin.status(rest, probeUser, "wrong-password", "tasklist")).isEqualTo(401);
    }

    private static void assertNoDataAndNoStackTrace(ResponseEntity<String> response) {
        String body = response.getBody() == null ? "" : response.getBody();
        assertThat(body).doesNotContain("\tat ", "Exception", "olivia", "\"name\":\"default\"", "\"id\":");
    }

    private static String emptyProcess(String suffix) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="test">
                  <process id="access-check-%s" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <startEvent id="start"/>
                  </process>
                </definitions>
                """.formatted(suffix);
    }
}
