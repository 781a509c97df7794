package org.bpogovernance.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bpogovernance.testing.Http.get;
import static org.bpogovernance.testing.Http.postJson;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bpogovernance.security.GovernanceGroups;
import org.bpogovernance.testing.Engagements.Registered;
import org.bpogovernance.testing.Engagements;
import org.bpogovernance.testing.GovernanceTest;
import org.bpogovernance.testing.Json;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Fifty client representatives sign their own engagement's charter at the same moment; the
 * provider manager signs the other side of ten of them in that same moment (the two branches
 * join), and ten others submit their signature twice at once. No answer is a 5xx, the joins all
 * succeed, every doubled submission is answered once 204 and once 409, and the record has each
 * signature exactly once. (Two people resolving the same
 * escalation at once: {@code EscalationLadderTest}.)
 */
@GovernanceTest
class ConcurrentUsersTest {

    static final String PASSWORD = "Concurrent-users-1!";


    static final int PEOPLE = 50;
    static final int DOUBLED = 10;
    static final int PARALLEL_JOINS = 10;
    static final String APPROVE = "{\"variables\": {\"charterDecision\": {\"value\": \"APPROVE\"}}}";

    /** The mails these requests cause are delivered here, not left queued for the test classes after this one. */
    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(false);

    @Autowired
    TestRestTemplate rest;

    @Autowired
    IdentityService identityService;

    @Autowired
    TaskService taskService;

    @Test
    void fiftyPeopleAtOnceGetNoServerErrorAndDoubledSubmissionsAre409() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<String> representatives = new ArrayList<>();
        List<Registered> engagements = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            String userId = "rep-" + run + "-" + i;
            User user = identityService.newUser(userId);
            user.setPassword(PASSWORD);
            user.setEmail(userId + "@client.example");
            identityService.saveUser(user);
            identityService.createMembership(userId, GovernanceGroups.CLIENT_REPRESENTATIVES);
            representatives.add(userId);
            Registered engagement = register(userId);
            Engagements.readyForCharterSignature(taskService, engagement);
            engagements.add(engagement);
        }
        List<String> clientTasks = new ArrayList<>();
        List<String> providerTasks = new ArrayList<>();
        for (Registered engagement : engagements) {
            clientTasks.add(taskService.createTaskQuery().processInstanceBusinessKey(engagement.reference())
                    .taskDefinitionKey("userTask_signCharterAsClient").singleResult().getId());
            providerTasks.add(taskService.createTaskQuery().processInstanceBusinessKey(engagement.reference())
                    .taskDefinitionKey("userTask_signCharterAsProvider").singleResult().getId());
        }

        // peter has signed all but the first ten; those he signs at the same moment as their client
        for (int i = PARALLEL_JOINS; i < PEOPLE; i++) {
            assertThat(sign("peter", providerTasks.get(i)).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        }
        List<Callable<ResponseEntity<String>>> requests = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            String representative = representatives.get(i);
            String clientTask = clientTasks.get(i);
            requests.add(() -> sign(representative, clientTask));
            if (i < PARALLEL_JOINS) {
                String providerTask = providerTasks.get(i);
                requests.add(() -> sign("peter", providerTask));
            }
            if (i >= PEOPLE - DOUBLED) {
                requests.add(() -> sign(representative, clientTask));
            }
        }
        Collections.shuffle(requests);
        List<ResponseEntity<String>> answers = allAtOnce(requests);

        assertThat(answers).allSatisfy(answer -> assertThat(answer.getStatusCode().is5xxServerError())
                .as(answer.getStatusCode() + " " + answer.getBody()).isFalse());
        assertThat(answers).allSatisfy(answer -> assertThat(answer.getStatusCode().value())
                .as(answer.getStatusCode() + " " + answer.getBody()).isIn(204, 409));
        assertThat(answers).filteredOn(answer -> answer.getStatusCode() == HttpStatus.CONFLICT).hasSize(DOUBLED)
                .allSatisfy(conflict -> assertThat(conflict.getBody()).contains("already completed"));
        assertThat(answers).filteredOn(answer -> answer.getStatusCode() == HttpStatus.NO_CONTENT).hasSize(PEOPLE + PARALLEL_JOINS);
        for (int i = 0; i < PEOPLE; i++) {
            String onboarding = get(rest, "olivia", "demo", engagements.get(i).path() + "/onboarding").getBody();
            assertThat(Json.<List<String>>read(onboarding, "$.charterSignOffs[*].signer"))
                    .containsExactlyInAnyOrder(representatives.get(i), "peter");
            Engagements.operationsBegin(engagements.get(i).reference());
            assertThat((String) Json.read(get(rest, "olivia", "demo", engagements.get(i).path()).getBody(), "$.phase"))
                    .isEqualTo("OPERATIONAL");
        }
        Reliability.awaitOutboxEmpty(rest, java.time.Duration.ofMinutes(2));
    }

    private ResponseEntity<String> sign(String user, String task) {
        return postJson(rest, user, user.equals("peter") ? "demo" : PASSWORD, "/engine-rest/task/" + task + "/submit-form", APPROVE);
    }

    private Registered register(String clientRepresentative) {
        String reference = Engagements.uniqueReference();
        ResponseEntity<String> created = postJson(rest, "olivia", "demo", "/api/engagements", """
                {"name": "Concurrent %1$s", "client": "Litware Insurance", "provider": "Northwind BPO",
                 "serviceScope": "Claims intake", "contractReference": "%1$s", "termStart": "%2$s", "termEnd": "%3$s",
                 "noticePeriodDays": 90, "timeZone": "Europe/Berlin",
                 "clientRepresentative": "%4$s", "providerManager": "peter", "governanceOfficer": "olivia"}"""
                .formatted(reference, LocalDate.now().withDayOfMonth(1), LocalDate.now().plusYears(2), clientRepresentative));
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
        return new Registered(((Number) Json.read(created.getBody(), "$.id")).longValue(), reference);
    }

    /** Every request on a thread of its own, released together. */
    private static List<ResponseEntity<String>> allAtOnce(List<Callable<ResponseEntity<String>>> requests) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(requests.size());
        try {
            CyclicBarrier start = new CyclicBarrier(requests.size());
            List<Future<ResponseEntity<String>>> futures = new ArrayList<>();
            for (Callable<ResponseEntity<String>> request : requests) {
                futures.add(threads.submit(() -> {
                    start.await(1, TimeUnit.MINUTES);
                    return request.call();
                }));
            }
            List<ResponseEntity<String>> answers = new ArrayList<>();
            for (Future<ResponseEntity<String>> future : futures) {
                answers.add(future.get(5, TimeUnit.MINUTES));
            }
            return answers;
        } finally {
            threads.shutdownNow();
        }
    }
}
