package org.bpogovernance.renewal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.bpogovernance.testing.Http.get;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.bpogovernance.testing.Engagements.Registered;
import org.bpogovernance.testing.GovernanceTest;
import org.bpogovernance.testing.Json;
import org.bpogovernance.testing.Mail;
import org.bpogovernance.testing.Renewals;
import org.bpogovernance.testing.ReviewCallWalk;
import org.bpogovernance.testing.Tasklist;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * One engagement's whole life: registered and onboarded, two monthly review calls, renewed for a
 * short second term, then exited to CLOSED — every timer fired by the engine's job, every task
 * worked through Tasklist's API, and the mail of each step received over SMTP.
 */
@GovernanceTest
class EngagementEndToEndTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired
    TestRestTemplate rest;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    ManagementService managementService;

    @Autowired
    TaskService taskService;

    @Test
    void registeredOnboardedReviewedRenewedAndExited() {
        ReviewCallWalk walk = new ReviewCallWalk(rest, runtimeService, managementService, taskService);
        Registered engagement = walk.operationalEngagement();
        String reference = engagement.reference();
        Tasklist tasklist = walk.tasklist;
        YearMonth month = YearMonth.now(ReviewCallWalk.BERLIN);
        for (int call = 1; call <= 2; call++) {
            walk.measure(month.plusMonths(call - 1), 98.5, 290);
            walk.holdCall(call, 4);
        }

        // Term 1 ends: the window opens, the sponsor renews for six more months.
        Renewals.windowOpens(runtimeService, managementService, reference);
        String term1 = get(rest, "olivia", "demo", engagement.path() + "/terms").getBody();
        LocalDate termEnd = LocalDate.parse(Json.read(term1, "$[0].endsOn"));
        String decide = tasklist.claim("sam", reference, "Decide on renewal");
        String form = tasklist.open("sam", decide, "decideRenewalForm");
        assertThat((String) Json.read(form, "$.termSummary.value")).contains("Review calls: 2, rated 2, average satisfaction 4");
        tasklist.submitted("sam", decide, """
                {"renewalDecision": {"value": "RENEW"}, "renewalRationale": {"value": "Good service; a short extension while we retender"},
                 "newTermStart": {"value": "%s"}, "newTermEnd": {"value": "%s"}, "newNoticePeriodDays": {"value": 30, "type": "Integer"}}"""
                .formatted(termEnd.plusDays(1), termEnd.plusMonths(6)));
        String engagementJson = get(rest, "clara", "demo", engagement.path()).getBody();
        assertThat((String) Json.read(engagementJson, "$.phase")).isEqualTo("OPERATIONAL");
        assertThat((Integer) Json.read(engagementJson, "$.termNumber")).isEqualTo(2);

        // Term 2 ends: the sponsor decides to exit; the plan is worked and both parties sign off.
        Renewals.windowOpens(runtimeService, managementService, reference);
        decide = tasklist.claim("sam", reference, "Decide on renewal");
        tasklist.submitted("sam", decide, """
                {"renewalDecision": {"value": "EXIT"}, "renewalRationale": {"value": "The retender went to another provider"}}""");
        String prepare = tasklist.taskOf("olivia", reference, "Prepare the exit plan");
        String plan = Json.read(tasklist.open("olivia", prepare, "prepareExitPlanForm"), "$.exitPlan.value");
        tasklist.submitted("olivia", prepare, "{\"exitPlan\": {\"value\": " + Json.quote(plan) + "}}");
        for (String owner : List.of("peter", "peter", "peter", "clara", "olivia")) {
            tasklist.submitted(owner, tasklist.tasksOf(owner, reference).stream()
                    .filter(id -> taskService.createTaskQuery().taskId(id).singleResult().getName().equals("Complete the exit item"))
                    .findFirst().orElseThrow(), "{\"exitItemNote\": {\"value\": \"Done\"}}");
        }
        for (String signer : List.of("clara", "peter")) {
            tasklist.submitted(signer, tasklist.taskOf(signer, reference, "Sign off the exit"),
                    "{\"signOffDecision\": {\"value\": \"APPROVE\"}}");
        }
        assertThat((String) Json.read(get(rest, "clara", "demo", engagement.path()).getBody(), "$.phase")).isEqualTo("CLOSED");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("engagement-lifecycle")
                .processInstanceBusinessKey(reference).count()).as("the lifecycle ended").isZero();
        assertThat((List<Integer>) Json.read(get(rest, "olivia", "demo", engagement.path() + "/terms").getBody(),
                "$[*].number")).containsExactly(1, 2);

        // The mail of every step reached its people.
        String name = "Litware claims " + reference;
        await().atMost(Duration.ofSeconds(30)).until(() -> subjects(name, "sam").stream()
                .filter(s -> s.contains("Renewal decision due")).count() == 2
                && subjects(name, "peter").stream().anyMatch(s -> s.contains("Sign off the exit"))
                && subjects(name, "clara").stream().anyMatch(s -> s.contains("Sign off the exit")));
        assertThat(subjects(name, "olivia")).filteredOn(s -> s.contains("Renewal decision due")).hasSize(2);
        assertThat(subjects(name, "sam")).anyMatch(s -> s.contains("Decide on renewal"));
        assertThat(subjects(name, "peter")).filteredOn(s -> s.contains("Complete the exit item")).hasSize(3);
        assertThat(subjects(name, "clara")).filteredOn(s -> s.contains("Sign off the minutes (client)")).hasSize(2);
        assertThat(subjects(name, "peter")).as("onboarding").anyMatch(s -> s.contains("Sign the onboarding charter (provider)"));
    }

    private List<String> subjects(String engagementName, String user) {
        return Mail.to(smtp.getReceivedMessages(), user + "@demo.bpo-governance.example").stream().map(Mail::subject)
                .filter(subject -> subject.contains(engagementName)).toList();
    }
}
