package org.bpogovernance.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bpogovernance.testing.Http.download;
import static org.bpogovernance.testing.Http.exchange;
import static org.bpogovernance.testing.Http.postJson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.bpogovernance.testing.Engagements.Registered;
import org.bpogovernance.testing.Engagements;
import org.bpogovernance.testing.GovernanceTest;
import org.bpogovernance.testing.Http;
import org.bpogovernance.testing.Json;
import org.bpogovernance.testing.WebappLogin;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The access matrix: two engagements A and B with people of their own; each of A's people (client
 * representative, provider manager, executive sponsor) tries every Camunda surface on B —
 * {@code /engine-rest} with HTTP Basic and the webapps' own API with a Tasklist or Cockpit login.
 * Reads show nothing of B, writes on B are refused and leave B as it was, no answer is a 5xx;
 * and every operation of {@code /api} on B (read from the OpenAPI document) is refused (403) or not found (404).
 * The cases are rows of data: a new resource is one more line.
 */
@GovernanceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngagementIsolationTest {

    static final String PASSWORD = "Isolation-test-1!";
    static final String ENGINE_REST = "/engine-rest";
    static final String WEBAPP_ENGINE = "/camunda/api/engine/engine/default";

    /** A read; {@code addressesB}: the path names one of B's things, so the answer must be a refusal or not-found. */
    record Read(String path, boolean addressesB) {
    }

    /** A change; {@code broadcast}: not addressed to B (a message or signal), so it may be accepted if it reaches nothing of B. */
    record Write(HttpMethod method, String path, String body, boolean broadcast) {
        Write(HttpMethod method, String path, String body) {
            this(method, path, body, false);
        }
    }

    /** One of A's people on one surface. */
    record Caller(String role, String surface) {
        @Override
        public String toString() {
            return role + " via " + surface;
        }
    }

    static final List<Read> READS = List.of(
            new Read("/task", false),
            new Read("/task/count", false),
            new Read("/task?processInstanceBusinessKey={bReference}", false),
            new Read("/task?candidateGroup=client-representatives", false),
            new Read("/task/{bTask}", true),
            new Read("/task/{bTask}/variables", true),
            new Read("/task/{bTask}/form-variables", true),
            new Read("/task/{bTask}/identity-links", true),
            new Read("/task/{bTask}/comment", true),
            new Read("/task/{bTask}/deployed-form", true),
            new Read("/process-instance", false),
            new Read("/process-instance/count", false),
            new Read("/process-instance?businessKey={bReference}", false),
            new Read("/process-instance/{bInstance}", true),
            new Read("/process-instance/{bInstance}/variables", true),
            new Read("/process-instance/{bInstance}/activity-instances", true),
            new Read("/execution", false),
            new Read("/execution/{bInstance}/localVariables", true),
            new Read("/variable-instance", false),
            new Read("/variable-instance?variableName=engagementName", false),
            new Read("/event-subscription", false),
            new Read("/incident", false),
            new Read("/job", false),
            new Read("/job?processInstanceId={bInstance}", false),
            new Read("/job/{bJob}", true),
            new Read("/external-task", false),
            new Read("/history/process-instance", false),
            new Read("/history/process-instance/count", false),
            new Read("/history/process-instance/{bInstance}", true),
            new Read("/history/activity-instance", false),
            new Read("/history/task", false),
            new Read("/history/variable-instance", false),
            new Read("/history/variable-instance?variableName=engagementName", false),
            new Read("/history/detail", false),
            new Read("/history/incident", false),
            new Read("/history/job-log", false),
            new Read("/history/identity-link-log", false),
            new Read("/history/user-operation", false),
            new Read("/history/decision-instance", false),
            new Read("/history/external-task-log", false),
            new Read("/history/batch", false),
            new Read("/history/process-instance/report?reportType=duration&periodUnit=month", false),
            new Read("/history/task/report?reportType=count&groupBy=processDefinition", false),
            new Read("/history/process-definition/{bDefinition}/statistics", false),
            new Read("/process-definition/statistics", false),
            new Read("/process-definition/statistics?incidents=true", false),
            new Read("/process-definition/{bDefinition}/statistics", false),
            new Read("/decision-definition", false),
            new Read("/user", false),
            new Read("/user/count", false),
            new Read("/user?memberOfGroup=client-representatives", false),
            new Read("/user?memberOfGroup={bGroup}", false),
            new Read("/user/{bUser}/profile", true),
            new Read("/group", false),
            new Read("/group?member={bUser}", false),
            new Read("/group/{bGroup}", true),
            new Read("/identity/groups?userId={bUser}", false),
            new Read("/authorization", false),
            new Read("/authorization?groupIdIn={bGroup}", false),
            new Read("/filter", false),
            new Read("/batch", false),
            new Read("/batch/statistics", false),
            new Read("/deployment", false));

    /** The documents people keep, under an engagement's path in /api: B's are not found for A's people. */
    static final List<String> DOCUMENTS = List.of("/charter", "/charter.pdf", "/terms/1/summary",
            "/terms/1/summary.html", "/terms/1/summary.pdf");

    static final List<Write> WRITES = List.of(
            new Write(HttpMethod.POST, "/task/{bTask}/complete", "{}"),
            new Write(HttpMethod.POST, "/task/{bTask}/submit-form", "{\"variables\": {}}"),
            new Write(HttpMethod.POST, "/task/{bTask}/claim", "{\"userId\": \"{me}\"}"),
            new Write(HttpMethod.POST, "/task/{bTask}/assignee", "{\"userId\": \"{me}\"}"),
            new Write(HttpMethod.POST, "/task/{bTask}/identity-links", "{\"userId\": \"{me}\", \"type\": \"candidate\"}"),
            new Write(HttpMethod.PUT, "/task/{bTask}/variables/probe", "{\"value\": \"x\", \"type\": \"String\"}"),
            new Write(HttpMethod.POST, "/task/{bTask}/comment/create", "{\"message\": \"probe\"}"),
            new Write(HttpMethod.DELETE, "/task/{bTask}", null),
            new Write(HttpMethod.POST, "/process-instance/{bInstance}/variables",
                    "{\"modifications\": {\"probe\": {\"value\": 1, \"type\": \"Integer\"}}}"),
            new Write(HttpMethod.PUT, "/process-instance/{bInstance}/variables/probe", "{\"value\": \"x\", \"type\": \"String\"}"),
            new Write(HttpMethod.PUT, "/process-instance/{bInstance}/suspended", "{\"suspended\": true}"),
            new Write(HttpMethod.DELETE, "/process-instance/{bInstance}", null),
            new Write(HttpMethod.POST, "/process-instance/{bInstance}/modification",
                    "{\"instructions\": [{\"type\": \"startBeforeActivity\", \"activityId\": \"serviceTask_moveUp\"}]}"),
            new Write(HttpMethod.POST, "/process-instance/delete", "{\"processInstanceIds\": [\"{bInstance}\"], \"deleteReason\": \"probe\"}"),
            new Write(HttpMethod.POST, "/process-instance/suspended-async", "{\"processInstanceIds\": [\"{bInstance}\"], \"suspended\": true}"),
            new Write(HttpMethod.POST, "/process-instance/variables-async",
                    "{\"processInstanceIds\": [\"{bInstance}\"], \"variables\": {\"probe\": {\"value\": 1, \"type\": \"Integer\"}}}"),
            new Write(HttpMethod.POST, "/modification/execute", "{\"processDefinitionId\": \"{bEscalationDefinition}\", "
                    + "\"processInstanceIds\": [\"{bEscalationInstance}\"], "
                    + "\"instructions\": [{\"type\": \"startBeforeActivity\", \"activityId\": \"serviceTask_moveUp\"}]}"),
            new Write(HttpMethod.POST, "/execution/{bInstance}/localVariables",
                    "{\"modifications\": {\"probe\": {\"value\": 1, \"type\": \"Integer\"}}}"),
            new Write(HttpMethod.POST, "/message", "{\"messageName\": \"probe\", \"businessKey\": \"{bReference}\"}"),
            new Write(HttpMethod.POST, "/message", "{\"messageName\": \"probe\", \"businessKey\": \"{bReference}\", \"all\": true}", true),
            new Write(HttpMethod.POST, "/signal", "{\"name\": \"probe\"}", true),
            new Write(HttpMethod.PUT, "/job/{bJob}/retries", "{\"retries\": 0}"),
            new Write(HttpMethod.PUT, "/job/{bJob}/duedate", "{\"duedate\": \"2020-01-01T00:00:00.000+0000\"}"),
            new Write(HttpMethod.POST, "/job/{bJob}/execute", null),
            new Write(HttpMethod.PUT, "/job/{bJob}/suspended", "{\"suspended\": true}"),
            // the escalation start paths: moving B's escalation, copying it to oneself, ids that do not fit
            new Write(HttpMethod.POST, "/process-definition/key/escalation/start", "{\"variables\": {"
                    + "\"escalationId\": {\"value\": {bEscalation}, \"type\": \"Long\"}, \"engagementId\": {\"value\": {bId}, \"type\": \"Long\"}},"
                    + "\"startInstructions\": [{\"type\": \"startBeforeActivity\", \"activityId\": \"serviceTask_moveUp\"}]}"),
            new Write(HttpMethod.POST, "/process-definition/key/escalation/start", "{\"variables\": {"
                    + "\"escalationId\": {\"value\": {bEscalation}, \"type\": \"Long\"}, \"engagementId\": {\"value\": {bId}, \"type\": \"Long\"},"
                    + "\"escalationResponders\": {\"value\": \"{me}\", \"type\": \"String\"}},"
                    + "\"startInstructions\": [{\"type\": \"startBeforeActivity\", \"activityId\": \"userTask_respondToEscalation\"}]}"),
            new Write(HttpMethod.POST, "/process-definition/key/escalation/start", "{\"variables\": {"
                    + "\"escalationId\": {\"value\": {bEscalation}, \"type\": \"Long\"}, \"engagementId\": {\"value\": {bId}, \"type\": \"Long\"}}}"),
            new Write(HttpMethod.POST, "/process-definition/key/escalation/start",
                    "{\"variables\": {\"escalationId\": {\"value\": \"{bEscalation}\", \"type\": \"String\"}}}"),
            new Write(HttpMethod.POST, "/process-definition/key/escalation/start",
                    "{\"variables\": {\"escalationId\": {\"value\": 987654321, \"type\": \"Long\"}}}"),
            new Write(HttpMethod.POST, "/process-definition/key/escalation/submit-form", "{\"variables\": {"
                    + "\"contractReference\": {\"value\": \"{bReference}\"}, \"escalationSubject\": {\"value\": \"probe\"},"
                    + "\"escalationSeverity\": {\"value\": \"HIGH\"}}}"),
            new Write(HttpMethod.POST, "/process-definition/key/escalation/submit-form", "{\"variables\": {"
                    + "\"contractReference\": {\"value\": \"{aReference}\"}, \"escalationSubject\": {\"value\": \"probe\"},"
                    + "\"escalationSeverity\": {\"value\": \"HIGH\"}, \"escalationResponders\": {\"value\": \"{me}\"}}}"),
            new Write(HttpMethod.POST, "/process-definition/key/engagement-lifecycle/start", "{\"variables\": {}}"),
            new Write(HttpMethod.POST, "/process-definition/{bDefinition}/restart",
                    "{\"processInstanceIds\": [\"{bInstance}\"], \"instructions\": [{\"type\": \"startAfterActivity\", \"activityId\": \"x\"}]}"),
            new Write(HttpMethod.POST, "/user/create", "{\"profile\": {\"id\": \"intruder-{me}\"}, \"credentials\": {\"password\": \"Intruder-1-pass!\"}}"),
            new Write(HttpMethod.PUT, "/user/{bUser}/profile", "{\"id\": \"{bUser}\", \"firstName\": \"Changed\", \"email\": \"x@example.org\"}"),
            new Write(HttpMethod.PUT, "/user/{bUser}/credentials", "{\"password\": \"Changed-pass-1!\", \"authenticatedUserPassword\": \"" + PASSWORD + "\"}"),
            new Write(HttpMethod.DELETE, "/user/{bUser}", null),
            new Write(HttpMethod.PUT, "/group/{bGroup}/members/{me}", null),
            new Write(HttpMethod.POST, "/authorization/create", "{\"type\": 1, \"permissions\": [\"READ\"], \"userId\": \"{me}\", "
                    + "\"resourceType\": 8, \"resourceId\": \"*\"}"));

    @Autowired
    TestRestTemplate rest;
    @Autowired
    IdentityService identityService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    ManagementService managementService;

    final String suffix = UUID.randomUUID().toString().substring(0, 6);
    final Map<String, String> people = new LinkedHashMap<>();
    final Map<String, String> placeholders = new LinkedHashMap<>();
    /** Text only B's records contain: its name, contract reference, people and their addresses. */
    final List<String> bWords = new ArrayList<>();
    /** B's ids: its process instances, tasks, executions and jobs. */
    final List<String> bIds = new ArrayList<>();
    final Map<String, WebappLogin.Session> webappSessions = new LinkedHashMap<>();
    Registered a;
    Registered b;
    boolean ready;

    /** Once for the class, inside the first test (process test coverage records only inside tests). */
    @BeforeEach
    void twoEngagementsWithPeopleOfTheirOwn() {
        if (ready) {
            return;
        }
        for (String side : List.of("a", "b")) {
            person(side + "-client", GovernanceGroups.CLIENT_REPRESENTATIVES);
            person(side + "-provider", GovernanceGroups.PROVIDER_MANAGERS);
            person(side + "-sponsor", GovernanceGroups.EXECUTIVE_SPONSORS);
        }
        a = register("a");
        b = register("b");
        Engagements.readyForCharterSignature(taskService, a);
        Engagements.readyForCharterSignature(taskService, b);
        ResponseEntity<String> raised = postJson(rest, "olivia", "demo", b.path() + "/escalations",
                "{\"subject\": \"Isolation B backlog\", \"severity\": \"HIGH\"}");
        assertThat(raised.getStatusCode()).as(raised.getBody()).isEqualTo(HttpStatus.CREATED);
        long escalationId = ((Number) Json.read(raised.getBody(), "$.escalation.id")).longValue();

        ProcessInstance lifecycle = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(b.reference())
                .processDefinitionKey("engagement-lifecycle").singleResult();
        ProcessInstance escalation = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey("escalation").variableValueEquals("escalationId", escalationId).singleResult();
        Task clientTask = taskService.createTaskQuery().taskAssignee(people.get("b-client")).singleResult();
        placeholders.put("{bInstance}", lifecycle.getId());
        placeholders.put("{bDefinition}", lifecycle.getProcessDefinitionId());
        placeholders.put("{bEscalationInstance}", escalation.getId());
        placeholders.put("{bEscalationDefinition}", escalation.getProcessDefinitionId());
        placeholders.put("{bTask}", clientTask.getId());
        placeholders.put("{bJob}", managementService.createJobQuery().processInstanceId(escalation.getId()).list().get(0).getId());
        placeholders.put("{bUser}", people.get("b-client"));
        placeholders.put("{bGroup}", EngagementAccess.groupOf(b.id()));
        placeholders.put("{bReference}", b.reference());
        placeholders.put("{aReference}", a.reference());
        placeholders.put("{bId}", String.valueOf(b.id()));
        placeholders.put("{bEscalation}", String.valueOf(escalationId));

        bWords.addAll(List.of(b.reference(), "Isolation B " + suffix, "Isolation B backlog"));
        people.forEach((role, user) -> {
            if (role.startsWith("b-")) {
                bWords.add(user);
            }
        });
        runtimeService.createProcessInstanceQuery().list().stream()
                .filter(instance -> belongsToB(instance.getId())).forEach(instance -> bIds.add(instance.getId()));
        assertThat(bIds).as("B's running processes").hasSizeGreaterThanOrEqualTo(3);
        bIds.addAll(taskService.createTaskQuery().processInstanceIdIn(bIds.toArray(String[]::new)).list().stream()
                .map(Task::getId).toList());
        bIds.add(placeholders.get("{bJob}"));

        for (String role : List.of("a-client", "a-provider")) {
            webappSessions.put(role, WebappLogin.session(rest, people.get(role), PASSWORD, "tasklist"));
        }
        webappSessions.put("a-sponsor", WebappLogin.session(rest, people.get("a-sponsor"), PASSWORD, "cockpit"));
        ready = true;
    }

    Stream<Arguments> readsByEachOfA() {
        return callers().flatMap(caller -> READS.stream().map(read -> Arguments.of(caller, read)));
    }

    Stream<Arguments> writesByEachOfA() {
        return callers().flatMap(caller -> WRITES.stream().map(write -> Arguments.of(caller, write)));
    }

    Stream<Caller> callers() {
        return Stream.of("a-client", "a-provider", "a-sponsor").flatMap(role -> Stream.of(
                new Caller(role, ENGINE_REST), new Caller(role, WEBAPP_ENGINE)));
    }

    @ParameterizedTest(name = "{0} reads {1}")
    @MethodSource("readsByEachOfA")
    void readsShowNothingOfB(Caller caller, Read read) {
        String path = fill(read.path(), caller);
        ResponseEntity<String> answer = call(caller, HttpMethod.GET, path, null);

        String body = String.valueOf(answer.getBody());
        assertThat(answer.getStatusCode().is5xxServerError()).as(body).isFalse();
        assertThat(body).doesNotContain("\tat org.", "ClassCastException", "NullPointerException", "SQLException");
        if (read.addressesB()) {
            assertThat(answer.getStatusCode().is4xxClientError()).as(body).isTrue();
        } else {
            assertThat(answer.getStatusCode().value()).as(body).isIn(200, 403);
            bIds.forEach(id -> assertThat(body).as("B's id " + id).doesNotContain(id));
        }
        // an answer may repeat what the asker wrote in the path ("user x does not exist"), nothing more
        bWords.stream().filter(word -> !path.contains(word))
                .forEach(word -> assertThat(body).as("B's " + word).doesNotContainIgnoringCase(word));
    }

    Stream<Arguments> documentsByEachOfA() {
        return Stream.of("a-client", "a-provider", "a-sponsor")
                .flatMap(role -> DOCUMENTS.stream().map(document -> Arguments.of(role, document)));
    }

    @ParameterizedTest(name = "{0} fetches B''s {1}")
    @MethodSource("documentsByEachOfA")
    void bsDocumentsAreNotFoundForAsPeople(String role, String document) {
        ResponseEntity<byte[]> own = download(rest, people.get(role), PASSWORD, a.path() + document);
        assertThat(own.getStatusCode()).as("A's own " + document).isEqualTo(HttpStatus.OK);

        ResponseEntity<byte[]> answer = download(rest, people.get(role), PASSWORD, b.path() + document);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        String body = answer.getBody() == null ? "" : new String(answer.getBody(), java.nio.charset.StandardCharsets.UTF_8);
        bWords.forEach(word -> assertThat(body).as("B's " + word).doesNotContainIgnoringCase(word));
    }

    /**
     * Every operation of {@code /api} on one engagement, read from the OpenAPI document, so a new
     * endpoint is covered without a new line: method and path, its first path variable the engagement.
     */
    Stream<Arguments> apiOperationsByEachOfA() throws Exception {
        JsonNode paths = new ObjectMapper().readTree(Http.get(rest, "olivia", "demo", "/v3/api-docs").getBody()).get("paths");
        List<Arguments> operations = new ArrayList<>();
        paths.fields().forEachRemaining(path -> {
            if (path.getKey().startsWith("/api/engagements/{")) {
                path.getValue().fieldNames().forEachRemaining(method -> {
                    if (List.of("get", "post", "put", "delete").contains(method)) {
                        for (String role : List.of("a-client", "a-provider", "a-sponsor")) {
                            operations.add(Arguments.of(role, method.toUpperCase(java.util.Locale.ROOT), path.getKey()));
                        }
                    }
                });
            }
        });
        assertThat(operations).as("the API's operations on an engagement").hasSizeGreaterThan(60);
        return operations.stream();
    }

    @ParameterizedTest(name = "{0}: {1} {2}")
    @MethodSource("apiOperationsByEachOfA")
    void everyApiOperationOnBIsNotFoundForAsPeopleAndChangesNothing(String role, String method, String template) {
        String path = template.replaceFirst("\\{[^}]+}", String.valueOf(b.id())).replaceAll("\\{[^}]+}", "1")
                + "?period=" + java.time.YearMonth.now();
        String before = stateOfB() + Http.get(rest, "olivia", "demo", b.path() + "/timeline").getBody();

        ResponseEntity<String> answer = exchange(rest, people.get(role), PASSWORD, HttpMethod.valueOf(method), path,
                method.equals("GET") || method.equals("DELETE") ? null : "{}");

        String body = String.valueOf(answer.getBody());
        assertThat(answer.getStatusCode().value()).as(body).isIn(403, 404);
        bWords.forEach(word -> assertThat(body).as("B's " + word).doesNotContainIgnoringCase(word));
        assertThat(stateOfB() + Http.get(rest, "olivia", "demo", b.path() + "/timeline").getBody()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("writesByEachOfA")
    void writesOnBAreRefusedAndChangeNothing(Caller caller, Write write) {
        String before = stateOfB();

        ResponseEntity<String> answer = call(caller, write.method(), fill(write.path(), caller),
                write.body() == null ? null : fill(write.body(), caller));

        if (write.broadcast()) {
            assertThat(answer.getStatusCode().is5xxServerError()).as(answer.getStatusCode() + " " + answer.getBody()).isFalse();
        } else {
            assertThat(answer.getStatusCode().is4xxClientError()).as(answer.getStatusCode() + " " + answer.getBody()).isTrue();
        }
        assertThat(String.valueOf(answer.getBody())).doesNotContain("\tat org.").doesNotContain("ClassCastException");
        assertThat(stateOfB()).isEqualTo(before);
    }

    @Test
    void theMatrixCanFail_anOfficerSeesBThroughTheSameReads() {
        for (String path : List.of("/process-instance?businessKey={bReference}", "/history/variable-instance?variableName=engagementName",
                "/user", "/task?processInstanceBusinessKey={bReference}")) {
            ResponseEntity<String> answer = exchange(rest, "olivia", "demo", HttpMethod.GET, ENGINE_REST + fill(path, null), null);
            assertThat(answer.getBody()).as(path).containsAnyOf(bWords.toArray(String[]::new));
        }
    }

    @Test
    void aSeesItsOwnEngagement() {
        String aName = "Isolation A " + suffix;
        String sponsor = people.get("a-sponsor");
        assertThat(exchange(rest, sponsor, PASSWORD, HttpMethod.GET,
                ENGINE_REST + "/process-instance?businessKey=" + a.reference(), null).getBody()).contains("engagement-lifecycle");
        assertThat(exchange(rest, sponsor, PASSWORD, HttpMethod.GET,
                ENGINE_REST + "/history/variable-instance?variableName=engagementName", null).getBody()).contains(aName);
        assertThat(exchange(rest, people.get("a-client"), PASSWORD, HttpMethod.GET, ENGINE_REST + "/user", null).getBody())
                .contains(people.get("a-provider"), people.get("a-sponsor"));
        assertThat(exchange(rest, people.get("a-client"), PASSWORD, HttpMethod.GET, ENGINE_REST + "/task", null).getBody())
                .contains("userTask_signCharterAsClient");
    }

    @Test
    void aSponsorsCockpitListsOnlyTheirEngagementsInstances() {
        HttpHeaders headers = webappHeaders("a-sponsor");
        ResponseEntity<String> instances = rest.exchange("/camunda/api/cockpit/plugin/base/default/process-instance",
                HttpMethod.POST, new HttpEntity<>("{}", headers), String.class);

        assertThat(instances.getStatusCode()).as(instances.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(instances.getBody()).contains(a.reference());
        bIds.forEach(id -> assertThat(instances.getBody()).doesNotContain(id));
        assertThat(instances.getBody()).doesNotContain(b.reference());
    }

    @Test
    void aSponsorsCockpitCountsOnlyTheirEngagementsInstances() {
        HttpHeaders headers = webappHeaders("a-sponsor");
        ResponseEntity<String> processList = rest.exchange(WebappStatisticsFilter.COCKPIT_STATISTICS, HttpMethod.GET,
                new HttpEntity<>(headers), String.class);
        ResponseEntity<String> dashboard = rest.exchange(WebappStatisticsFilter.ENGINE_STATISTICS, HttpMethod.GET,
                new HttpEntity<>(headers), String.class);

        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("engagement-lifecycle").count())
                .as("the portfolio has more").isGreaterThan(1);
        assertThat(processList.getStatusCode()).as(processList.getBody()).isEqualTo(HttpStatus.OK);
        assertThat((List<Number>) Json.read(processList.getBody(), "$[?(@.key == 'engagement-lifecycle')].instances"))
                .extracting(Number::longValue).containsExactly(1L);
        assertThat(dashboard.getStatusCode()).as(dashboard.getBody()).isEqualTo(HttpStatus.OK);
        List<Number> lifecycles = Json.read(dashboard.getBody(), "$[?(@.definition.key == 'engagement-lifecycle')].instances");
        assertThat(lifecycles.stream().mapToLong(Number::longValue).sum()).isEqualTo(1L);
        List<Number> everything = Json.read(dashboard.getBody(), "$[*].instances");
        assertThat(everything.stream().mapToLong(Number::longValue).sum())
                .isEqualTo(runtimeService.createProcessInstanceQuery().list().stream()
                        .filter(instance -> engagementOf(instance.getId()) == a.id()).count());
    }

    @ParameterizedTest(name = "A's client representative on their own task: {0} {1}")
    @MethodSource("redirectsOfOwnTask")
    void aPersonCannotMoveTheirOwnTasksProcessToAnotherEngagementNorShareIt(HttpMethod method, String path, String body) {
        Task own = taskService.createTaskQuery().taskAssignee(people.get("a-client")).singleResult();
        String aLifecycle = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(a.reference())
                .processDefinitionKey("engagement-lifecycle").singleResult().getId();
        Object engagementBefore = runtimeService.getVariable(own.getProcessInstanceId(), "engagementId");
        var linksBefore = taskService.getIdentityLinksForTask(own.getId()).size();

        ResponseEntity<String> answer = exchange(rest, people.get("a-client"), PASSWORD, method,
                ENGINE_REST + path.replace("{aTask}", own.getId()), body == null ? null : fill(body, null));

        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(taskService.createTaskQuery().taskId(own.getId()).count()).as("the task stays open").isOne();
        assertThat(runtimeService.getVariable(own.getProcessInstanceId(), "engagementId")).isEqualTo(engagementBefore);
        assertThat(runtimeService.getVariable(aLifecycle, "engagementId")).isEqualTo(engagementBefore);
        assertThat(taskService.getIdentityLinksForTask(own.getId())).hasSize(linksBefore);
    }

    Stream<Arguments> redirectsOfOwnTask() {
        return Stream.of(
                Arguments.of(HttpMethod.PUT, "/task/{aTask}/variables/engagementId", "{\"value\": {bId}, \"type\": \"Long\"}"),
                Arguments.of(HttpMethod.POST, "/task/{aTask}/variables",
                        "{\"modifications\": {\"clientSigner\": {\"value\": \"{bUser}\", \"type\": \"String\"}}}"),
                Arguments.of(HttpMethod.DELETE, "/task/{aTask}/variables/charterText", null),
                Arguments.of(HttpMethod.POST, "/task/{aTask}/identity-links",
                        "{\"groupId\": \"{bGroup}\", \"type\": \"candidate\"}"),
                Arguments.of(HttpMethod.POST, "/task/{aTask}/identity-links",
                        "{\"userId\": \"{bUser}\", \"type\": \"candidate\"}"),
                Arguments.of(HttpMethod.POST, "/task/{aTask}/complete",
                        "{\"variables\": {\"engagementId\": {\"value\": {bId}, \"type\": \"Long\"}}}"),
                Arguments.of(HttpMethod.POST, "/task/{aTask}/submit-form",
                        "{\"variables\": {\"charterDecision\": {\"value\": \"APPROVE\"}, "
                                + "\"engagementId\": {\"value\": {bId}, \"type\": \"Long\"}}}"));
    }

    // ---- helpers ----------------------------------------------------------------------------

    private void person(String role, String group) {
        String id = Engagements.person(identityService, role + "-" + suffix, group, PASSWORD);
        people.put(role, id);
        if (role.startsWith("b-")) {
            bWords.add(id + "@people.example");
        }
    }

    private Registered register(String side) {
        Registered registered = Engagements.registerFor(rest, "Isolation " + side.toUpperCase() + " " + suffix,
                people.get(side + "-client"), people.get(side + "-provider"));
        Engagements.addStakeholder(rest, registered, people.get(side + "-sponsor"), "CLIENT", "EXECUTIVE_SPONSOR", 3);
        return registered;
    }

    private boolean belongsToB(String processInstanceId) {
        return engagementOf(processInstanceId) == b.id();
    }

    private long engagementOf(String processInstanceId) {
        return runtimeService.getVariable(processInstanceId, "engagementId") instanceof Number id ? id.longValue() : -1;
    }

    private String fill(String template, Caller caller) {
        String filled = template;
        for (var placeholder : placeholders.entrySet()) {
            filled = filled.replace(placeholder.getKey(), placeholder.getValue());
        }
        return caller == null ? filled : filled.replace("{me}", people.get(caller.role()));
    }

    private ResponseEntity<String> call(Caller caller, HttpMethod method, String path, String body) {
        if (caller.surface().equals(ENGINE_REST)) {
            return exchange(rest, people.get(caller.role()), PASSWORD, method, ENGINE_REST + path, body);
        }
        return rest.exchange(WEBAPP_ENGINE + path, method, new HttpEntity<>(body, webappHeaders(caller.role())), String.class);
    }

    private HttpHeaders webappHeaders(String role) {
        return webappSessions.get(role).headers();
    }

    /** What B's people would notice: its processes, tasks and who holds them, variables, jobs, comments, people and group. */
    private String stateOfB() {
        StringBuilder state = new StringBuilder();
        runtimeService.createProcessInstanceQuery().list().stream().filter(instance -> belongsToB(instance.getId())
                        || instance.getId().equals(placeholders.get("{bEscalationInstance}")))
                .sorted(Comparator.comparing(ProcessInstance::getId)).forEach(instance -> {
                    state.append(instance.getId()).append(instance.isSuspended() ? " suspended" : "").append('\n');
                    state.append(new java.util.TreeMap<>(runtimeService.getVariables(instance.getId()))).append('\n');
                    taskService.createTaskQuery().processInstanceId(instance.getId()).orderByTaskId().asc().list()
                            .forEach(task -> state.append(task.getId()).append(' ').append(task.getTaskDefinitionKey())
                                    .append(' ').append(task.getAssignee()).append(' ')
                                    .append(taskService.getIdentityLinksForTask(task.getId()).stream()
                                            .map(link -> link.getType() + ":" + link.getUserId() + ":" + link.getGroupId()).sorted().toList())
                                    .append(' ').append(new java.util.TreeMap<>(taskService.getVariablesLocal(task.getId())))
                                    .append(' ').append(taskService.getTaskComments(task.getId()).size()).append('\n'));
                    managementService.createJobQuery().processInstanceId(instance.getId()).orderByJobId().asc().list()
                            .forEach(job -> state.append(job.getId()).append(' ').append(job.getRetries()).append(' ')
                                    .append(job.getDuedate()).append(job.isSuspended() ? " suspended" : "").append('\n'));
                });
        state.append(runtimeService.createProcessInstanceQuery().processDefinitionKey("escalation").count()).append(" escalations\n");
        state.append(runtimeService.createProcessInstanceQuery().processDefinitionKey("engagement-lifecycle").count()).append(" lifecycles\n");
        people.forEach((role, id) -> {
            var user = identityService.createUserQuery().userId(id).singleResult();
            state.append(id).append(' ').append(user == null ? "gone" : user.getFirstName() + " " + user.getEmail())
                    .append(' ').append(identityService.checkPassword(id, PASSWORD)).append('\n');
        });
        state.append(identityService.createUserQuery().memberOfGroup(placeholders.get("{bGroup}")).orderByUserId().asc().list()
                .stream().map(u -> u.getId()).toList()).append('\n');
        state.append(identityService.createUserQuery().userIdIn("intruder-" + people.get("a-client"),
                "intruder-" + people.get("a-provider"), "intruder-" + people.get("a-sponsor")).count()).append(" intruders\n");
        state.append(managementService.createBatchQuery().count()).append(" batches\n");
        return state.toString();
    }
}
