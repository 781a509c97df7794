package org.bpogovernance.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bpogovernance.testing.Http.get;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import org.bpogovernance.testing.Browser;
import org.bpogovernance.testing.Engagements;
import org.bpogovernance.testing.Engagements.Registered;
import org.bpogovernance.testing.Json;
import org.bpogovernance.testing.RunningService;
import org.bpogovernance.testing.TestDatabase;
import org.bpogovernance.testing.WebappLogin;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Profile {@code oidc} against a real OpenID Connect provider (mock-oauth2-server, in this JVM):
 * a person signs in to Tasklist through the provider's login page and completes a task; programs
 * call {@code /api} and {@code /engine-rest} with the provider's access tokens; the groups claim
 * (one value mapped under another name than the default) gives the governance groups, and the
 * engagements' access model holds for people who sign in this way.
 */
@Tag("database")
@Tag("own-jvm")
@ExtendWith(TestDatabase.class)
class SingleSignOnTest {

    private static final String ISSUER = "organisation";
    private static final String AUDIENCE = "bpo-governance";

    static MockOAuth2Server provider;
    static RunningService service;
    static TestRestTemplate http;

    @BeforeAll
    static void startTheProviderAndTheService() {
        provider = new MockOAuth2Server(new OAuth2Config(true));
        provider.start();
        String issuer = provider.issuerUrl(ISSUER).toString();
        service = RunningService.start("./target/test-data/single-sign-on-" + UUID.randomUUID().toString().substring(0, 8),
                "--spring.profiles.include=oidc",
                "--spring.security.oauth2.client.provider.organisation.issuer-uri=" + issuer,
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer,
                "--spring.security.oauth2.client.registration.organisation.client-secret=test-secret",
                "--governance.single-sign-on.groups.client-representatives=Client staff");
        http = service.http();
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        if (provider != null) {
            provider.shutdown();
        }
    }

    @Test
    void programsActWithTheProvidersTokensAsThePersonTheyName() {
        String officer = token("oskar", "Oskar", "Officer", List.of("bpo-governance-officers"));
        String client = token("cleo", "Cleo", "Client", List.of("Client staff", "Canteen"));

        assertThat(Json.<String>read(bearer("/api/me", client).getBody(), "$.id")).isEqualTo("cleo");
        assertThat(groupsOf("cleo")).as("'Client staff' maps to the client representatives, as configured")
                .contains(GovernanceGroups.CLIENT_REPRESENTATIVES).doesNotContain(GovernanceGroups.GOVERNANCE_OFFICERS);
        User cleo = service.bean(IdentityService.class).createUserQuery().userId("cleo").singleResult();
        assertThat(List.of(cleo.getFirstName(), cleo.getLastName(), cleo.getEmail()))
                .containsExactly("Cleo", "Client", "cleo@organisation.example");

        assertThat(bearer("/api/processes", officer).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(bearer("/api/processes", client).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(bearer("/engine-rest/process-definition/count", officer).getStatusCode()).isEqualTo(HttpStatus.OK);

        String forSomeoneElse = provider.issueToken(ISSUER, "oskar", "another-service",
                Map.of("preferred_username", "oskar", "groups", List.of("bpo-governance-officers"))).serialize();
        assertThat(bearer("/api/processes", forSomeoneElse).getStatusCode()).as("a token for another service")
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(bearer("/engine-rest/process-definition/count", forSomeoneElse).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        String fromElsewhere = provider.issueToken("elsewhere", "oskar", AUDIENCE,
                Map.of("preferred_username", "oskar", "groups", List.of("bpo-governance-officers"))).serialize();
        assertThat(bearer("/api/processes", fromElsewhere).getStatusCode()).as("a token of another issuer")
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(get(http, "olivia", "demo", "/engine-rest/process-definition/count").getStatusCode())
                .as("built-in users keep HTTP Basic").isEqualTo(HttpStatus.OK);
        assertThat(get(http, null, null, "/engine-rest/process-definition/count").getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void noTokenTakesOverAUserOfTheServicesOwn() {
        String asOlivia = token("olivia", "Olivia", "Elsewhere", List.of("bpo-governance-officers"));
        assertThat(bearer("/api/me", asOlivia).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(bearer("/engine-rest/user/olivia/profile", asOlivia).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        String asAdmin = token("admin", "Admin", "Elsewhere", List.of());
        assertThat(bearer("/engine-rest/user", asAdmin).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(groupsOf("olivia")).doesNotContain("single-sign-on-people");
        assertThat(service.bean(IdentityService.class).createUserQuery().userId("olivia").singleResult().getLastName())
                .isEqualTo("Officer");
    }

    @Test
    void aWebappPageSendsThePersonToTheProviderUnlessTheyAskForTheLoginForm() throws Exception {
        var browserLike = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        var tasklist = browserLike.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + service.port() + "/camunda/app/tasklist/default/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(tasklist.statusCode()).isEqualTo(302);
        assertThat(tasklist.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/oauth2/authorization/organisation"));
        var form = browserLike.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + service.port() + "/camunda/app/tasklist/default/?local-login")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).as("the administrator's way to the login form").isEqualTo(200);
        assertThat(WebappLogin.status(http, "olivia", "demo", "tasklist")).as("a built-in user on the form").isEqualTo(200);
    }

    @Test
    void peopleWhoSignInWithTheProviderSeeOnlyTheirOwnEngagements() {
        String dana = token("dana", "Dana", "Client", List.of("Client staff"));
        bearer("/api/me", dana);
        Registered theirs = Engagements.registerFor(http, "Single sign-on claims", "dana", "peter");
        Registered others = Engagements.registerFor(http, "Built-in people's claims", "clara", "peter");

        assertThat(bearer(theirs.path(), dana).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(bearer(others.path(), dana).getStatusCode()).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
        assertThat(Json.<List<String>>read(bearer("/api/engagements", dana).getBody(), "$.content[*].name"))
                .contains("Single sign-on claims").doesNotContain("Built-in people's claims");
        assertThat(bearer("/engine-rest/process-instance?businessKey=" + others.reference(), dana).getBody())
                .as("the other engagement's processes through /engine-rest").isEqualTo("[]");
    }

    @Test
    void aPersonSignsInThroughTheProviderAndSignsTheCharterInTasklist() {
        bearer("/api/me", token("erin", "Erin", "Client", List.of("Client staff")));
        Registered engagement = Engagements.registerFor(http, "Erin's claims", "erin", "peter");
        TaskService taskService = service.bean(TaskService.class);
        Engagements.readyForCharterSignature(taskService, engagement);
        String signOff = taskService.createTaskQuery().processInstanceBusinessKey(engagement.reference())
                .taskDefinitionKey("userTask_signCharterAsClient").singleResult().getId();

        try (Browser browser = Browser.open(service.port())) {
            // Swagger UI sends a person who is not signed in to sign in, and the provider brings them back.
            browser.go("/swagger-ui/index.html");
            // The provider's own login page: the person's name and the claims their account carries.
            WebElement name = browser.waitFor(By.name("username"));
            assertThat(browser.driver().getCurrentUrl()).startsWith(provider.issuerUrl(ISSUER).toString());
            name.sendKeys("erin");
            WebElement claims = browser.waitFor(By.name("claims"));
            claims.clear();
            claims.sendKeys("{\"preferred_username\": \"erin\", \"given_name\": \"Erin\", \"family_name\": \"Client\","
                    + " \"groups\": [\"Client staff\"]}");
            browser.screenshot("single-sign-on-provider");
            browser.waitForClickable(By.cssSelector("input[type='submit']")).click();

            browser.waitUntil(driver -> driver.getCurrentUrl().contains("/swagger-ui/index.html"));
            browser.waitFor(By.xpath("//*[contains(normalize-space(), 'BPO Governance API')]"));

            browser.go("/camunda/app/tasklist/default/");
            browser.waitUntil(driver -> driver.getCurrentUrl().contains("/camunda/app/tasklist/default/"));
            browser.waitForClickable(By.xpath("//*[contains(@class,'task-filter')]//a[contains(normalize-space(),"
                    + " 'Sign-offs waiting for me')]")).click();
            browser.waitForClickable(By.xpath("//a[contains(normalize-space(), 'Sign the onboarding charter (client)')]")).click();
            WebElement approve = browser.waitFor(By.xpath("//label[normalize-space()='Approve']"));
            ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});", approve);
            browser.waitForClickable(By.xpath("//label[normalize-space()='Approve']")).click();
            browser.screenshot("single-sign-on-tasklist");
            browser.waitForClickable(By.xpath("//button[normalize-space()='Complete']")).click();
            browser.waitUntil(driver -> taskService.createTaskQuery().taskId(signOff).count() == 0);
        }

        assertThat(service.bean(JdbcTemplate.class).queryForList("""
                select c.decision || ' by ' || c.signer from charter_sign_off c join engagement e on e.id = c.engagement_id
                where e.contract_reference = ?""", String.class, engagement.reference()))
                .containsExactly("APPROVE by erin");
    }

    private static String token(String userId, String firstName, String lastName, List<String> groups) {
        return provider.issueToken(ISSUER, userId, AUDIENCE, Map.of("preferred_username", userId, "given_name", firstName,
                "family_name", lastName, "email", userId + "@organisation.example", "groups", groups)).serialize();
    }

    private static ResponseEntity<String> bearer(String path, String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    private static List<String> groupsOf(String userId) {
        return service.bean(IdentityService.class).createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).toList();
    }
}
