package org.bpogovernance.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bpogovernance.testing.Http.exchange;
import static org.bpogovernance.testing.Http.postJson;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Engagements as the demo people set them up: olivia (officer) registers through {@code /api},
 * clara (client representative) and peter (provider manager) sign; sam is an executive sponsor.
 */
public final class Engagements {

    /** A registered engagement: its id, contract reference (the processes' business key) and API path. */
    public record Registered(long id, String reference) {
        public String path() {
            return "/api/engagements/" + id;
        }
    }

    private Engagements() {
    }

    public static String uniqueReference() {
        return "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /** Registers an engagement with the given term and default tiers (monthly, quarterly, half-yearly). */
    public static Registered register(TestRestTemplate rest, LocalDate termStart, LocalDate termEnd) {
        return register(rest, termStart, termEnd, null);
    }

    /** Registers an engagement; {@code tiersJson} is the JSON array of tiers, or null for the defaults. */
    public static Registered register(TestRestTemplate rest, LocalDate termStart, LocalDate termEnd, String tiersJson) {
        String reference = uniqueReference();
        ResponseEntity<String> created = postJson(rest, "olivia", "demo", "/api/engagements", """
                {"name": "Litware claims %1$s", "client": "Litware Insurance", "provider": "Northwind BPO",
                 "serviceScope": "Claims intake and settlement support", "contractReference": "%1$s",
                 "termStart": "%2$s", "termEnd": "%3$s", "noticePeriodDays": 90, "timeZone": "Europe/Berlin",
                 "siteAddress": "Litware House, Hamburg", "remoteMeetingLink": "https://meet.example.org/litware",
                 "clientRepresentative": "clara", "providerManager": "peter", "governanceOfficer": "olivia"%4$s}"""
                .formatted(reference, termStart, termEnd, tiersJson == null ? "" : ", \"tiers\": " + tiersJson));
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
        return new Registered(((Number) Json.read(created.getBody(), "$.id")).longValue(), reference);
    }

    /** Registers an engagement named {@code name} whose client representative and provider manager are the given people (olivia is the officer). */
    public static Registered registerFor(TestRestTemplate rest, String name, String clientRepresentative, String providerManager) {
        String reference = uniqueReference();
        ResponseEntity<String> created = postJson(rest, "olivia", "demo", "/api/engagements", """
                {"name": "%1$s", "client": "Client of %1$s", "provider": "Provider of %1$s", "serviceScope": "Claims",
                 "contractReference": "%2$s", "termStart": "%3$s", "termEnd": "%4$s", "noticePeriodDays": 90,
                 "timeZone": "Europe/Berlin", "siteAddress": "Site of %1$s", "remoteMeetingLink": "https://meet.example.org/%2$s",
                 "clientRepresentative": "%5$s", "providerManager": "%6$s", "governanceOfficer": "olivia"}"""
                .formatted(name, reference, LocalDate.now().minusMonths(1), LocalDate.now().plusYears(2),
                        clientRepresentative, providerManager));
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
        return new Registered(((Number) Json.read(created.getBody(), "$.id")).longValue(), reference);
    }

    /** Adds a person to the stakeholder map, through the API as the officer. */
    public static void addStakeholder(TestRestTemplate rest, Registered engagement, String userId, String side, String role,
            int escalationLevel) {
        ResponseEntity<String> added = postJson(rest, "olivia", "demo", engagement.path() + "/stakeholders",
                "{\"userId\": \"%s\", \"side\": \"%s\", \"role\": \"%s\", \"escalationLevel\": %d}"
                        .formatted(userId, side, role, escalationLevel));
        assertThat(added.getStatusCode()).as(added.getBody()).isEqualTo(HttpStatus.CREATED);
    }

    /** A person of their own for a test, in a governance group, with a password that meets the password policy. */
    public static String person(org.camunda.bpm.engine.IdentityService identityService, String id, String group, String password) {
        var user = identityService.newUser(id);
        user.setFirstName(id);
        user.setLastName("Example");
        user.setEmail(id + "@people.example");
        user.setPassword(password);
        identityService.saveUser(user);
        identityService.createMembership(id, group);
        return id;
    }

    /** Adds sam as the client's executive sponsor (escalation level 3). */
    public static void addSponsor(TestRestTemplate rest, Registered engagement) {
        ResponseEntity<String> added = postJson(rest, "olivia", "demo", engagement.path() + "/stakeholders",
                "{\"userId\": \"sam\", \"side\": \"CLIENT\", \"role\": \"EXECUTIVE_SPONSOR\", \"escalationLevel\": 3}");
        assertThat(added.getStatusCode()).as(added.getBody()).isEqualTo(HttpStatus.CREATED);
    }

    /** Onboards it through its tasks: kick-off, ways of working, stakeholder map, both signatures. */
    public static void onboard(TaskService taskService, Registered engagement) {
        readyForCharterSignature(taskService, engagement);
        complete(taskService, engagement.reference(), "userTask_signCharterAsClient", Map.of("charterDecision", "APPROVE"));
        complete(taskService, engagement.reference(), "userTask_signCharterAsProvider", Map.of("charterDecision", "APPROVE"));
        operationsBegin(engagement.reference());
    }

    /**
     * The charter is signed before the kick-off (a week ahead in these engagements): time passes to
     * the kick-off, whose timer completes onboarding. Nothing when operations have begun already.
     */
    public static void operationsBegin(String reference) {
        ProcessEngine engine = ProcessEngines.getDefaultProcessEngine();
        engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("engagement-onboarding")
                .processInstanceBusinessKey(reference).list().forEach(onboarding -> engine.getManagementService()
                        .createJobQuery().processInstanceId(onboarding.getId()).activityId("timer_operationsBegin").list()
                        .forEach(timer -> engine.getManagementService().executeJob(timer.getId())));
    }

    /** Onboards it up to the charter: kick-off, ways of working, stakeholder map; clara and peter are to sign. */
    public static void readyForCharterSignature(TaskService taskService, Registered engagement) {
        complete(taskService, engagement.reference(), "userTask_scheduleKickOff", Map.of("kickOffDate",
                LocalDate.now().plusDays(7).toString(), "kickOffTime", "10:00", "kickOffFormat", "REMOTE"));
        agreeWaysOfWorkingAndStakeholderMap(taskService, engagement.reference());
    }

    /** After the kick-off is scheduled: the officer agrees the ways of working and confirms the stakeholder map. */
    public static void agreeWaysOfWorkingAndStakeholderMap(TaskService taskService, String reference) {
        complete(taskService, reference, "userTask_agreeWaysOfWorking", Map.of("communicationChannels", "[\"EMAIL\"]",
                "reportingCadence", "MONTHLY", "escalationProtocol", "Project lead, then delivery managers, then sponsors"));
        complete(taskService, reference, "userTask_confirmStakeholderMap", Map.of("stakeholderMapConfirmed", true));
    }

    /** Defines one higher-is-better (FTR) and one lower-is-better (AHT) metric from the given period on. */
    public static void defineMetrics(TestRestTemplate rest, Registered engagement, String effectiveFrom) {
        ResponseEntity<String> defined = exchange(rest, "olivia", "demo", HttpMethod.PUT, engagement.path() + "/metrics", """
                {"effectiveFrom": "%s", "metrics": [
                  {"code": "FTR", "name": "First-time-right rate", "unit": "%%", "direction": "HIGHER_IS_BETTER",
                   "target": 98, "warning": 96, "breach": 94, "weight": 60,
                   "creditPercentPerBreach": 5, "creditCapPercent": 10, "earnBackAfterGoodPeriods": 2},
                  {"code": "AHT", "name": "Average handling time", "unit": "s", "direction": "LOWER_IS_BETTER",
                   "target": 300, "warning": 330, "breach": 360, "weight": 40,
                   "creditPercentPerBreach": 3, "creditCapPercent": 9, "earnBackAfterGoodPeriods": 0}]}"""
                .formatted(effectiveFrom));
        assertThat(defined.getStatusCode()).as(defined.getBody()).isEqualTo(HttpStatus.OK);
    }

    private static void complete(TaskService taskService, String reference, String taskKey, Map<String, Object> variables) {
        List<org.camunda.bpm.engine.task.Task> tasks = taskService.createTaskQuery()
                .processInstanceBusinessKey(reference).taskDefinitionKey(taskKey).list();
        assertThat(tasks).as(taskKey).hasSize(1);
        taskService.complete(tasks.get(0).getId(), Variables.fromMap(variables));
    }
}
