package org.bpogovernance.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bpogovernance.testing.Browser;
import org.bpogovernance.testing.Json;
import org.bpogovernance.testing.RunningService;
import org.bpogovernance.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Signing in as a person does, in a real browser (headless Chromium): the login pages of Tasklist,
 * Cockpit, Admin and Welcome, and Swagger UI, never make the browser open its own sign-in dialog;
 * the login form takes typed keys; the webapps carry the product's name and mark without Camunda's
 * end-of-life banner; a person refused a page reads a page of the product. Screenshots (some go into
 * the README): {@code target/screenshots/}.
 */
@Tag("own-jvm")
@ExtendWith(TestDatabase.class)
class SignInBrowserTest {

    /** The administrator's password in the tests' configuration (application-test.yaml). */
    static final String ADMIN_PASSWORD = "admin-test-password";

    static RunningService service;

    @BeforeAll
    static void start() {
        service = RunningService.start("./target/test-data/sign-in-" + UUID.randomUUID());
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void onlyProgramsAreChallengedForBasic() {
        TestRestTemplate http = service.http();
        // What the webapps' login pages ask before anyone is logged in: no distribution welcome page here.
        ResponseEntity<String> firstVisit = http.getForEntity("/camunda-welcome", String.class);
        assertThat(firstVisit.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(firstVisit.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).isNull();

        ResponseEntity<String> program = http.getForEntity("/api/me", String.class);
        assertThat(program.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(program.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");

        ResponseEntity<String> fromSwaggerUi = http.exchange("/api/me", HttpMethod.GET, new HttpEntity<>(
                browserHeaders("cors", "same-origin", "application/json")), String.class);
        assertThat(fromSwaggerUi.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(fromSwaggerUi.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).isNull();
        assertThat(fromSwaggerUi.getBody()).contains("Authorize");

        TestRestTemplate notFollowing = new TestRestTemplate(new RestTemplateBuilder()
                .rootUri("http://localhost:" + service.port()).redirects(ClientHttpRequestFactorySettings.Redirects.DONT_FOLLOW));
        ResponseEntity<String> swaggerUi = notFollowing.exchange("/swagger-ui/index.html", HttpMethod.GET, new HttpEntity<>(
                browserHeaders("navigate", "none", "text/html,*/*")), String.class);
        assertThat(swaggerUi.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(swaggerUi.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).isNull();
        assertThat(swaggerUi.getHeaders().getLocation()).hasToString("http://localhost:" + service.port()
                + "/camunda/app/welcome/default/?return=%2Fswagger-ui%2Findex.html#!/login");
    }

    @Test
    void theApiDescriptionNamesTheProductAndTryingThePortfolioAnswersJson() {
        TestRestTemplate olivia = service.http().withBasicAuth("olivia", "demo");
        String api = olivia.getForObject("/v3/api-docs", String.class);
        assertThat((String) Json.read(api, "$.info.title")).isEqualTo("BPO Governance API");
        assertThat((String) Json.read(api, "$.info.version")).isEqualTo(service.bean(BuildProperties.class).getVersion());
        assertThat((String) Json.read(api, "$.info.description")).contains("Camunda 7.24");
        assertThat((List<String>) Json.read(api, "$.servers[*].url")).containsExactly("/");
        List<String> tags = Json.read(api, "$.tags[*].name");
        assertThat(tags).startsWith("Me", "Engagements", "Stakeholders")
                .contains("Reviews", "Action items", "Escalations", "Service levels", "Renewal", "Portfolio",
                        "Notifications", "Audit")
                .noneMatch(tag -> tag.endsWith("-controller"));
        assertThat((List<String>) Json.read(api, "$.paths['/api/portfolio'].get.tags")).containsExactly("Portfolio");

        // Swagger UI asks for the first media type the operation answers with.
        Map<String, Object> content = Json.read(api, "$.paths['/api/portfolio'].get.responses['200'].content");
        String swaggersAccept = content.keySet().iterator().next();
        HttpHeaders accept = new HttpHeaders();
        accept.set(HttpHeaders.ACCEPT, swaggersAccept);
        ResponseEntity<String> portfolio = olivia.exchange("/api/portfolio", HttpMethod.GET, new HttpEntity<>(accept),
                String.class);
        assertThat(portfolio.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(portfolio.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
    }

    private static HttpHeaders browserHeaders(String mode, String site, String accept) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("Sec-Fetch-Mode", mode);
        headers.set("Sec-Fetch-Site", site);
        headers.set(HttpHeaders.ACCEPT, accept);
        return headers;
    }

    @Test
    void loggedOutLoginPagesAndSwaggerUiNeverChallengeForBasicAndTheFormSignsIn() {
        try (Browser browser = Browser.open(service.port())) {
            for (String app : List.of("tasklist", "cockpit", "admin", "welcome")) {
                browser.go("/camunda/app/" + app + "/default/");
                browser.waitUntil(ExpectedConditions.urlMatches(Browser.LOGIN_ROUTE));
                WebElement appName = browser.waitFor(By.cssSelector(".form-signin .app-name"));
                // The product's name stands before the app's (user-styles.css).
                assertThat(((JavascriptExecutor) browser.driver()).executeScript(
                        "return getComputedStyle(arguments[0], '::before').content", appName))
                        .as(app).asString().contains("BPO Governance");
                assertThat(browser.driver().getTitle()).as(app).startsWith("BPO Governance");
                assertThat(browser.driver().findElements(By.cssSelector(".ce-eol-banner")))
                        .as(app).noneMatch(WebElement::isDisplayed);
                browser.screenshot("login-" + app);
            }

            // Swagger UI sends the logged-out person to the login page, and back after the login.
            browser.go("/swagger-ui.html");
            browser.waitUntil(ExpectedConditions.urlContains("/camunda/app/welcome/default/"));
            browser.waitUntil(ExpectedConditions.urlMatches(Browser.LOGIN_ROUTE));
            browser.logInOnThisPage("olivia", "demo");
            browser.waitUntil(ExpectedConditions.urlContains("/swagger-ui/index.html"));
            WebElement title = browser.waitFor(By.cssSelector(".swagger-ui .info .title"));
            assertThat(title.getText()).contains("BPO Governance API");
            browser.waitFor(By.xpath("//*[contains(@class,'opblock-tag')][contains(normalize-space(), 'Engagements')]"));
            browser.screenshot("swagger-ui");

            List<Browser.Response> responses = browser.responses();
            assertThat(responses).as("the browser's network log was read")
                    .anyMatch(response -> response.url().contains("/camunda/api/admin/auth/user/default/login/welcome"))
                    .anyMatch(response -> response.url().contains("/v3/api-docs"));
            assertThat(responses).as("responses that make the browser open its sign-in dialog")
                    .noneMatch(Browser.Response::basicChallenge);
        }
    }

    @Test
    void theWebappsSignInThroughTheirFormsAndCarryTheProductsName() {
        try (Browser browser = Browser.open(service.port())) {
            browser.logIn("tasklist", "clara", "demo");
            WebElement brand = browser.waitFor(By.cssSelector("[cam-widget-header] .brand-name"));
            assertThat(brand.getText()).isEqualTo("BPO Governance Tasklist");
            assertThat(browser.driver().getTitle()).isEqualTo("BPO Governance Tasklist");
            assertThat(browser.driver().findElements(By.cssSelector(".ce-eol-banner"))).noneMatch(WebElement::isDisplayed);
            browser.screenshot("tasklist-branded");
        }
        try (Browser browser = Browser.open(service.port())) {
            browser.logIn("cockpit", "olivia", "demo");
            WebElement brand = browser.waitFor(By.cssSelector("[cam-widget-header] .brand-name"));
            assertThat(brand.getText()).isEqualTo("BPO Governance Cockpit");
            assertThat(browser.driver().findElements(By.cssSelector(".ce-eol-banner"))).noneMatch(WebElement::isDisplayed);
            // The engine stays named, with its version, on the footer line.
            assertThat(browser.waitFor(By.cssSelector("footer")).getText()).contains("Camunda", "7.24");
            browser.screenshot("cockpit-branded");
            assertThat(browser.responses()).noneMatch(Browser.Response::basicChallenge);
        }
        try (Browser browser = Browser.open(service.port())) {
            browser.logIn("welcome", "admin", ADMIN_PASSWORD);
            assertThat(browser.waitFor(By.cssSelector("[cam-widget-header] .brand-name")).getText())
                    .isEqualTo("BPO Governance Welcome");
            // Welcome lists the API among its links.
            WebElement api = browser.waitFor(By.xpath("//a[contains(normalize-space(), 'Governance API (Swagger UI)')]"));
            assertThat(api.getDomProperty("href")).isEqualTo("http://localhost:" + service.port() + "/swagger-ui/index.html");
            browser.screenshot("welcome-branded");
            browser.go("/camunda/app/admin/default/");
            assertThat(browser.waitFor(By.cssSelector("[cam-widget-header] .brand-name")).getText())
                    .isEqualTo("BPO Governance Admin");
            assertThat(browser.driver().findElements(By.cssSelector(".ce-eol-banner"))).noneMatch(WebElement::isDisplayed);
            browser.screenshot("admin-branded");
        }
    }

    @Test
    void aPersonOnNoEngagementOpeningCockpitReadsWhatToDoAndCanSignOut() {
        try (Browser browser = Browser.open(service.port())) {
            browser.logIn("tasklist", "carl", "demo");
            browser.go("/camunda/app/cockpit/default/");

            WebElement heading = browser.waitFor(By.tagName("h1"));
            assertThat(heading.getText()).isEqualTo("Cockpit is not open to you");
            String page = browser.driver().findElement(By.tagName("body")).getText();
            assertThat(page).contains("BPO Governance", "carl", "Your tasks are in Tasklist", "Open Tasklist", "Sign out")
                    .doesNotContain("Whitelabel", "type=Forbidden");
            assertThat(browser.driver().getTitle()).contains("BPO Governance");
            browser.screenshot("refusal-cockpit");

            browser.waitForClickable(By.xpath("//button[normalize-space()='Sign out']")).click();
            browser.waitUntil(ExpectedConditions.urlContains("/camunda/app/tasklist/default/#/login"));
            browser.waitFor(By.cssSelector("input[ng-model='username']"));
            // Signed out: Cockpit asks for a login instead of refusing carl.
            browser.go("/camunda/app/cockpit/default/");
            browser.waitUntil(ExpectedConditions.urlMatches(Browser.LOGIN_ROUTE));

            for (String nowhere : List.of("/camunda/app/tasklist/no-such-page.html", "/camunda/app/no-such-app/")) {
                browser.go(nowhere);
                assertThat(browser.waitFor(By.tagName("h1")).getText()).as(nowhere).isEqualTo("There is no page at this address");
            }
            browser.screenshot("refusal-not-found");
        }
    }
}
