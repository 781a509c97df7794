package org.bpogovernance.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bpogovernance.testing.Http.download;
import static org.bpogovernance.testing.Http.get;
import static org.bpogovernance.testing.Http.postJson;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bpogovernance.testing.Engagements;
import org.bpogovernance.testing.GovernanceTest;
import org.bpogovernance.testing.Json;
import org.bpogovernance.testing.Pdf;
import org.bpogovernance.testing.WebappLogin;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An officer registers an engagement through /api; every onboarding task is then done by the
 * named person through /engine-rest exactly as Tasklist does it: find the task, load its
 * deployed Camunda Form and variables, submit the form.
 */
@GovernanceTest
class OnboardingThroughEngineRestTest {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theNamedPeopleOnboardAnEngagementThroughTasklistsApi() {
        String reference = EngagementFixtures.uniqueReference();
        Integer id = Json.read(postJson(rest, "olivia", "demo", "/api/engagements",
                EngagementFixtures.registration(reference).toString()).getBody(), "$.id");

        submit("olivia", reference, "scheduleKickOffForm", """
                {"kickOffDate": {"value": "%s"}, "kickOffTime": {"value": "09:30"},
                 "kickOffFormat": {"value": "HYBRID"}}""".formatted(LocalDate.now().plusDays(10)));
        submit("olivia", reference, "agreeWaysOfWorkingForm", """
                {"communicationChannels": {"value": "[\\"EMAIL\\",\\"TICKETING\\"]", "type": "Json"},
                 "reportingCadence": {"value": "MONTHLY"},
                 "escalationProtocol": {"value": "Project lead within two days, then the steering committee"}}""");
        submit("olivia", reference, "confirmStakeholderMapForm", """
                {"stakeholderMapConfirmed": {"value": true, "type": "Boolean"}}""");

        String claraTask = taskOf("clara", reference);
        assertThat(variable("clara", claraTask, "charterText")).contains("Escalation protocol: Project lead within two days");

        // Carl is on no engagement: he sees no task and cannot submit Clara's.
        assertThat(tasksOf("carl", reference)).isEmpty();
        assertThat(submitForm("carl", claraTask, "{\"charterDecision\": {\"value\": \"APPROVE\"}}").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        // An officer may work every task but cannot sign for the client.
        ResponseEntity<String> forged = submitForm("olivia", claraTask, "{\"charterDecision\": {\"value\": \"APPROVE\"}}");
        assertThat(forged.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) Json.read(forged.getBody(), "$.message"))
                .contains("Signer: olivia is not the named signer for the CLIENT side");
        // A rejection without its reason is refused with the field named.
        ResponseEntity<String> noReason = submitForm("clara", claraTask, "{\"charterDecision\": {\"value\": \"REJECT\"}}");
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) Json.read(noReason.getBody(), "$.message")).as("the field as the form labels it, and the rule")
                .isEqualTo("Reason for rejecting: is required when rejecting the charter");
        ResponseEntity<String> noReasonInTasklist = submitInTasklist("clara", claraTask, "{\"charterDecision\": {\"value\": \"REJECT\"}}");
        assertThat(noReasonInTasklist.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) Json.read(noReasonInTasklist.getBody(), "$.message")).as("no task id, variable or engine prefix")
                .isEqualTo("Reason for rejecting: is required when rejecting the charter")
                .doesNotContain(claraTask, "charterRejectionReason", "Cannot submit");

        submit("clara", reference, "signCharterForm", "{\"charterDecision\": {\"value\": \"APPROVE\"}}");
        assertThat(submitForm("clara", claraTask, "{\"charterDecision\": {\"value\": \"APPROVE\"}}").getStatusCode())
                .as("the same task completed twice").isEqualTo(HttpStatus.CONFLICT);
        ResponseEntity<String> againInTasklist = submitInTasklist("clara", claraTask, "{\"charterDecision\": {\"value\": \"APPROVE\"}}");
        assertThat(againInTasklist.getStatusCode()).as(againInTasklist.getBody()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((String) Json.read(againInTasklist.getBody(), "$.message")).startsWith("This task was already completed (at ");
        submit("peter", reference, "signCharterForm", "{\"charterDecision\": {\"value\": \"APPROVE\"}}");

        assertThat((String) Json.read(get(rest, "clara", "demo", "/api/engagements/" + id).getBody(), "$.phase"))
                .as("signed before its term begins").isEqualTo("ONBOARDING");
        Engagements.operationsBegin(reference);
        String engagement = get(rest, "clara", "demo", "/api/engagements/" + id).getBody();
        assertThat((String) Json.read(engagement, "$.phase")).isEqualTo("OPERATIONAL");
        String onboarding = get(rest, "peter", "demo", "/api/engagements/" + id + "/onboarding").getBody();
        assertThat((String) Json.read(onboarding, "$.onboarding.communicationChannels")).isEqualTo("EMAIL,TICKETING");
        assertThat((String) Json.read(onboarding, "$.onboarding.kickOffFormat")).isEqualTo("HYBRID");
        assertThat((List<String>) Json.read(onboarding, "$.charterSignOffs[*].signer")).containsExactly("clara", "peter");

        // The signed charter as a document (HTML and PDF) for those on the engagement, not for carl.
        String charter = get(rest, "clara", "demo", "/api/engagements/" + id + "/charter").getBody();
        assertThat(charter).contains("<h1>Governance charter</h1>", "Project lead within two days",
                "Clara Client (Contoso Ltd, client representative, level 2)", "Signed by both parties in round 1");
        ResponseEntity<byte[]> pdf = download(rest, "peter", "demo", "/api/engagements/" + id + "/charter.pdf");
        assertThat(pdf.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
        assertThat(Pdf.text(pdf.getBody())).contains("Governance charter", "Contoso payroll " + reference,
                "Operational review — monthly, 60 minutes", "Peter Provider (Northwind BPO, provider manager, level 2)",
                "e-mail, ticketing", "hybrid", "Clara Client Contoso Ltd approved", "Peter Provider Northwind BPO approved");
        assertThat(get(rest, "carl", "demo", "/api/engagements/" + id + "/charter").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(download(rest, "carl", "demo", "/api/engagements/" + id + "/charter.pdf").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        // Everyone on the engagement is sent the signed charter, the PDF kept with each mail in the outbox.
        List<Map<String, Object>> mails = jdbc.queryForList("select recipient_user_id, attachment_name, attachment"
                + " from notification_outbox where dedup_key like ? order by recipient_user_id", "charter-signed:" + id + ":1:%");
        assertThat(mails).extracting(mail -> mail.get("recipient_user_id")).containsExactly("clara", "olivia", "peter");
        assertThat(mails).extracting(mail -> mail.get("attachment_name")).containsOnly(
                "charter-" + reference.toLowerCase(Locale.ENGLISH) + ".pdf");
        assertThat(Pdf.text((byte[]) mails.get(0).get("attachment"))).contains("Governance charter",
                "Signed by both parties in round 1");
    }

    @Test
    void theTasklistStartFormRegistersAnEngagementAndRefusesBadInputWith400() {
        String reference = EngagementFixtures.uniqueReference();
        String variables = """
                {"name": {"value": "Tailspin travel desk"}, "client": {"value": "Tailspin Toys"},
                 "provider": {"value": "Northwind BPO"}, "serviceScope": {"value": "Corporate travel booking"},
                 "contractReference": {"value": "%s"}, "termStart": {"value": "%s"}, "termEnd": {"value": "%s"},
                 "noticePeriodDays": {"value": 60, "type": "Long"}, "timeZone": {"value": "America/New_York"},
                 "clientRepresentative": {"value": "clara"}, "providerManager": {"value": "peter"}}"""
                .formatted(reference, LocalDate.now().plusDays(30), LocalDate.now().plusYears(2));
        String badVariables = variables.replace("\"America/New_York\"", "\"Atlantis/Capital\"");
        String lifecycle = "/engine-rest/process-definition/key/engagement-lifecycle";

        ResponseEntity<String> startForm = get(rest, "olivia", "demo", lifecycle + "/deployed-start-form");
        assertThat((String) Json.read(startForm.getBody(), "$.id")).isEqualTo("registerEngagementForm");

        String badDate = variables.replaceFirst("\"termStart\": \\{\"value\": \"[^\"]+\"", "\"termStart\": {\"value\": \"31/12/2026\"");
        assertThat(badDate).contains("31/12/2026");
        for (String endpoint : List.of("/submit-form", "/start")) {
            ResponseEntity<String> refused = postJson(rest, "olivia", "demo", lifecycle + endpoint,
                    "{\"variables\": " + badVariables + "}");
            assertThat(refused.getStatusCode()).as(endpoint).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat((String) Json.read(refused.getBody(), "$.message")).contains("Time zone: is not a known time zone")
                    .doesNotContain("engagement-lifecycle:", "timeZone", "Cannot instantiate");
            ResponseEntity<String> malformed = postJson(rest, "olivia", "demo", lifecycle + endpoint,
                    "{\"variables\": " + badDate + "}");
            assertThat(malformed.getStatusCode()).as(endpoint).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat((String) Json.read(malformed.getBody(), "$.message")).contains("Term start: must be a date");
        }
        assertThat((List<?>) Json.read(get(rest, "olivia", "demo", "/api/engagements?client=tailspin").getBody(),
                "$.content")).isEmpty();

        ResponseEntity<String> started = postJson(rest, "olivia", "demo", lifecycle + "/submit-form",
                "{\"variables\": " + variables + "}");
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((String) Json.read(get(rest, "olivia", "demo", "/api/engagements?client=tailspin").getBody(),
                "$.content[0].contractReference")).isEqualTo(reference);
        assertThat(postJson(rest, "clara", "demo", lifecycle + "/submit-form", "{\"variables\": " + variables + "}")
                .getStatusCode()).as("participants cannot start engagements").isEqualTo(HttpStatus.FORBIDDEN);
    }

    /** Finds the user's one task of the engagement, checks its form is the expected one, submits it. */
    private void submit(String user, String reference, String formId, String variables) {
        String taskId = taskOf(user, reference);
        ResponseEntity<String> form = get(rest, user, "demo", "/engine-rest/task/" + taskId + "/deployed-form");
        assertThat(form.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((String) Json.read(form.getBody(), "$.id")).isEqualTo(formId);
        assertThat(get(rest, user, "demo", "/engine-rest/task/" + taskId + "/form-variables").getStatusCode())
                .isEqualTo(HttpStatus.OK);
        ResponseEntity<String> submitted = submitForm(user, taskId, variables);
        assertThat(submitted.getStatusCode()).as(submitted.getBody()).isIn(HttpStatus.OK, HttpStatus.NO_CONTENT);
    }

    /** As Tasklist itself submits: its own API, the login session and its CSRF token. */
    private ResponseEntity<String> submitInTasklist(String user, String taskId, String variables) {
        HttpHeaders headers = WebappLogin.session(rest, user, "demo", "tasklist").headers();
        return rest.exchange("/camunda/api/engine/engine/default/task/" + taskId + "/submit-form", HttpMethod.POST,
                new HttpEntity<>("{\"variables\": " + variables + "}", headers), String.class);
    }

    private ResponseEntity<String> submitForm(String user, String taskId, String variables) {
        return postJson(rest, user, "demo", "/engine-rest/task/" + taskId + "/submit-form",
                "{\"variables\": " + variables + "}");
    }

    private String taskOf(String user, String reference) {
        List<String> ids = tasksOf(user, reference);
        assertThat(ids).as("open tasks of " + user).hasSize(1);
        return ids.get(0);
    }

    private List<String> tasksOf(String user, String reference) {
        return Json.read(get(rest, user, "demo", "/engine-rest/task?assignee=" + user
                + "&processInstanceBusinessKey=" + reference).getBody(), "$[*].id");
    }

    private String variable(String user, String taskId, String name) {
        Map<String, Object> variables = Json.read(get(rest, user, "demo",
                "/engine-rest/task/" + taskId + "/form-variables?variableNames=" + name).getBody(), "$." + name);
        return (String) variables.get("value");
    }
}
