package org.bpogovernance.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.bpogovernance.engagement.DemoEngagements;
import org.bpogovernance.testing.Browser;
import org.bpogovernance.testing.Engagements;
import org.bpogovernance.testing.Json;
import org.bpogovernance.testing.RunningService;
import org.bpogovernance.testing.TestDatabase;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The governance view and Tasklist in a real browser (headless Chromium), on the demo a new user
 * meets: sam, an executive sponsor, opens Cockpit and reads the portfolio; clara opens Tasklist's
 * "Sign-offs waiting for me" and signs the Acme charter. Screenshots: {@code target/screenshots/}.
 */
@Tag("own-jvm")
@ExtendWith(TestDatabase.class)
class GovernanceViewBrowserTest {

    static RunningService service;
    static JdbcTemplate jdbc;

    @BeforeAll
    static void demo() {
        service = RunningService.start("./target/test-data/browser-" + UUID.randomUUID(),
                "--governance.demo.engagements=true");
        jdbc = service.bean(JdbcTemplate.class);
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void aSponsorReadsTheDemoPortfolioInCockpit() {
        List<Long> samsEngagements = jdbc.queryForList(
                "select engagement_id from stakeholder where user_id = 'sam' order by engagement_id", Long.class);
        long globex = jdbc.queryForObject("select id from engagement where contract_reference = ?", Long.class,
                DemoEngagements.OPERATIONAL_DEMO);
        String expectedGlobexHealth = worstHealthOfLatestPeriod(globex);
        long openEscalations = count("select count(*) from escalation where status = 'OPEN' and engagement_id in ("
                + ids(samsEngagements) + ")");
        long overdueActions = count("select count(*) from action_item where status = 'OPEN' and due_date < current_date"
                + " and engagement_id in (" + ids(samsEngagements) + ")");

        try (Browser browser = Browser.open(service.port())) {
            browser.logIn("cockpit", "sam", "demo");
            WebElement portfolio = browser.waitFor(By.cssSelector("#governance-portfolio[data-loaded='true']"));

            assertThat(figure(portfolio, "engagements")).isEqualTo(String.valueOf(samsEngagements.size()));
            assertThat(figure(portfolio, "overdueActionItems")).isEqualTo(String.valueOf(overdueActions));
            List<String> levels = List.of(figure(portfolio, "openEscalations").split(" / "));
            assertThat(levels.stream().mapToLong(Long::parseLong).sum()).isEqualTo(openEscalations);
            List<WebElement> rows = portfolio.findElements(By.cssSelector("tr[data-engagement]"));
            assertThat(rows).extracting(row -> Long.valueOf(row.getAttribute("data-engagement")))
                    .containsExactlyInAnyOrderElementsOf(samsEngagements);
            for (WebElement row : rows) {
                long id = Long.parseLong(row.getAttribute("data-engagement"));
                String phase = jdbc.queryForObject("select phase from engagement where id = ?", String.class, id);
                WebElement phaseCell = row.findElement(By.cssSelector("[data-column='phase']"));
                assertThat(phaseCell.getAttribute("data-phase")).as("phase of " + id).isEqualTo(phase);
                assertThat(phaseCell.getText()).as("phase of " + id, "in words")
                        .isEqualTo(phase.charAt(0) + phase.substring(1).toLowerCase());
            }
            WebElement globexRow = portfolio.findElement(By.cssSelector("tr[data-engagement='" + globex + "']"));
            assertThat(globexRow.findElement(By.cssSelector("[data-health]")).getAttribute("data-health"))
                    .isEqualTo(expectedGlobexHealth);
            String latestPeriod = jdbc.queryForObject("""
                    select max(m.period) from measurement m join service_metric s on s.id = m.metric_id
                    where s.engagement_id = ? and m.superseded_at is null""", String.class, globex);
            ResponseEntity<String> scorecard = service.http().withBasicAuth("sam", "demo")
                    .getForEntity("/api/engagements/" + globex + "/scorecard?period=" + latestPeriod, String.class);
            assertThat(scorecard.getStatusCode()).isEqualTo(HttpStatus.OK);
            double attainment = ((Number) Json.read(scorecard.getBody(), "$.weightedAttainment")).doubleValue();
            // The demo has values up to last month, the last point of the chart.
            assertThat(latestPeriod).isEqualTo(YearMonth.now().minusMonths(1).toString());
            assertThat(Double.parseDouble(globexRow.findElement(By.cssSelector(".gv-trend")).getAttribute("data-latest")))
                    .isEqualTo(attainment);
            // The demo's survey round: the relationship index and the sides' gap, as the API gives them.
            String relationship = service.http().withBasicAuth("sam", "demo")
                    .getForEntity("/api/engagements/" + globex + "/relationship-health", String.class).getBody();
            assertThat(globexRow.findElement(By.cssSelector("[data-column='relationship']")).getText())
                    .isEqualTo(plain(Json.read(relationship, "$.index")) + " (gap " + plain(Json.read(relationship, "$.gap")) + ")");
            assertThat(globexRow.findElement(By.cssSelector("[data-column='sharedAchievements']")).getText())
                    .as("the demo's initiative is still a pilot").isEqualTo("0");
            browser.screenshot("cockpit-governance-portfolio");

            globexRow.findElement(By.cssSelector("a.gv-engagement")).click();
            WebElement engagement = browser.waitFor(By.cssSelector("#governance-engagement[data-loaded='true']"));
            // The oldest entry is at the bottom of a long timeline: the page scrolls to it.
            new org.openqa.selenium.interactions.Actions(browser.driver())
                    .scrollToElement(engagement.findElement(By.cssSelector("tr[data-action='REGISTERED']"))).perform();
            // The demo was set up at start-up: the service itself registered it.
            assertThat(engagement.getText()).contains("Globex finance and accounting", "Registered", "system",
                    "Escalation raised", "open in Cockpit");
            assertThat(engagement.findElements(By.cssSelector("tr[data-action='REGISTERED']"))).hasSize(1);
            browser.screenshot("cockpit-governance-engagement");

            // The header's "Governance" opens the portfolio as a page of its own (the README shows it).
            browser.waitForClickable(By.linkText("Governance")).click();
            WebElement page = browser.waitFor(By.cssSelector("#governance-portfolio[data-loaded='true']"));
            assertThat(page.findElements(By.cssSelector("tr[data-engagement]"))).hasSize(samsEngagements.size());
            browser.screenshot("cockpit-governance-view");

            // The process versions are the officers': sam is told so.
            browser.waitForClickable(By.id("gv-process-versions")).click();
            WebElement versions = browser.waitFor(By.cssSelector("#governance-processes[data-loaded='error']"));
            assertThat(versions.getText()).contains("You may not see this.");

            // An engagement that is not sam's: the view says so instead of showing an empty panel.
            browser.go("/camunda/app/cockpit/default/#/governance?engagement=999999999");
            browser.driver().navigate().refresh();
            WebElement refused = browser.waitFor(By.cssSelector("#governance-engagement[data-loaded='error']"));
            assertThat(refused.findElement(By.cssSelector(".gv-error")).getText())
                    .contains("does not exist or is not one of yours");
        }
    }

    @Test
    void theStartPageOpensWithThePortfolioWhichSaysWhyAndFiltersAndSorts() {
        long globex = jdbc.queryForObject("select id from engagement where contract_reference = ?", Long.class,
                DemoEngagements.OPERATIONAL_DEMO);
        List<String> globexConcerns = jdbc.queryForList("""
                select v.name from measurement m join service_metric s on s.id = m.metric_id
                  join metric_version v on v.id = m.metric_version_id
                where s.engagement_id = ? and m.superseded_at is null and m.health in ('RED', 'AMBER') and m.period = (
                  select max(m2.period) from measurement m2 join service_metric s2 on s2.id = m2.metric_id
                  where s2.engagement_id = ? and m2.superseded_at is null)""", String.class, globex, globex);

        try (Browser browser = Browser.open(service.port())) {
            browser.logIn("cockpit", "sam", "demo");
            WebElement portfolio = browser.waitFor(By.cssSelector("#governance-portfolio[data-loaded='true']"));
            WebElement rightNow = browser.waitFor(By.cssSelector(".dashboard section.actual"));
            assertThat(portfolio.getLocation().getY()).as("the portfolio comes before Camunda's own sections")
                    .isLessThan(rightNow.getLocation().getY());

            WebElement globexHealth = portfolio.findElement(By.cssSelector("tr[data-engagement='" + globex
                    + "'] [data-column='health']"));
            if (globexConcerns.isEmpty()) {
                assertThat(globexHealth.findElements(By.cssSelector(".gv-health-why"))).isEmpty();
            } else {
                assertThat(globexHealth.findElement(By.cssSelector(".gv-health-why")).getText()).contains(globexConcerns);
            }
            // Acme is still onboarding, with no service levels agreed: no health yet, and the line under the badge says why.
            assertThat(count("select count(*) from service_metric s join engagement e on e.id = s.engagement_id"
                    + " where e.contract_reference = '" + DemoEngagements.ONBOARDING_DEMO + "'")).isZero();
            WebElement acmeHealth = portfolio.findElement(By.xpath("//tr[td//a[contains(., 'Acme')]]//td[@data-column='health']"));
            assertThat(acmeHealth.getText()).contains("No data", "No service levels agreed yet.");
            browser.screenshot("cockpit-start-page-portfolio");

            int all = portfolio.findElements(By.cssSelector("tr[data-engagement]")).size();
            new org.openqa.selenium.support.ui.Select(portfolio.findElement(By.cssSelector("select[data-filter='health']")))
                    .selectByValue("NO_DATA");
            browser.waitUntil(driver -> driver.findElements(By.cssSelector("#governance-portfolio[data-loaded='true']"
                    + " [data-health]")).stream().allMatch(badge -> "NO_DATA".equals(badge.getAttribute("data-health")))
                    && driver.findElements(By.cssSelector("#governance-portfolio[data-loaded='true'] tr[data-engagement]"))
                    .size() < all);
            assertThat(browser.driver().findElement(By.cssSelector("#governance-portfolio")).getText())
                    .contains("of " + all + " engagements match these filters");

            new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.cssSelector("select[data-filter='health']")))
                    .selectByValue("");
            browser.waitForClickable(By.cssSelector("#governance-portfolio[data-loaded='true'] a[data-sort='noticeDate']")).click();
            browser.waitFor(By.cssSelector("#governance-portfolio[data-loaded='true'] th[aria-sort='ascending'] a[data-sort='noticeDate']"));
            List<String> noticeDates = browser.driver().findElements(By.cssSelector("#governance-portfolio tr[data-engagement]"
                    + " [data-column='noticeDate']")).stream().map(cell -> cell.getAttribute("data-notice-date")).toList();
            assertThat(noticeDates).hasSize(all).isSorted();
        }
    }

    @Test
    void anOfficerSeesEachProcessVersionWithWhoDeployedItAndWhatRunsOnIt() {
        try (Browser browser = Browser.open(service.port())) {
            browser.logIn("cockpit", "olivia", "demo");
            browser.go("/camunda/app/cockpit/default/#/governance");
            browser.waitForClickable(By.id("gv-process-versions")).click();
            WebElement versions = browser.waitFor(By.cssSelector("#governance-processes[data-loaded='true']"));
            WebElement lifecycle = versions.findElement(By.cssSelector("tr[data-process='engagement-lifecycle']"));
            assertThat(lifecycle.getText()).contains("Engagement lifecycle", "version 1", "the service at start-up");
            assertThat(versions.findElements(By.cssSelector("tr[data-process='milestone-review']"))).isNotEmpty();
            browser.screenshot("cockpit-process-versions");
        }
    }

    @Test
    void aSponsorsCockpitListsTheInstancesOfTheirEngagementsAndNoOthers() {
        // an engagement sam is not on, with its processes running
        Engagements.Registered other = Engagements.register(service.http(), java.time.LocalDate.now().minusMonths(1),
                java.time.LocalDate.now().plusYears(2));
        org.camunda.bpm.engine.RuntimeService runtime = service.bean(org.camunda.bpm.engine.RuntimeService.class);
        var lifecycle = runtime.createProcessInstanceQuery().processDefinitionKey("engagement-lifecycle")
                .processInstanceBusinessKey(DemoEngagements.OPERATIONAL_DEMO).singleResult();
        var othersLifecycle = runtime.createProcessInstanceQuery().processDefinitionKey("engagement-lifecycle")
                .processInstanceBusinessKey(other.reference()).singleResult();

        try (Browser browser = Browser.open(service.port())) {
            browser.logIn("cockpit", "sam", "demo");
            browser.waitFor(By.cssSelector("#governance-portfolio[data-loaded='true']"));
            browser.screenshot("cockpit-sponsor-start-page");
            assertThat(browser.driver().getPageSource()).as("the dashboard's counts load for a sponsor")
                    .doesNotContain("Access Denied");

            browser.go("/camunda/app/cockpit/default/#/process-definition/" + lifecycle.getProcessDefinitionId() + "/runtime");
            browser.waitFor(By.xpath("//td[contains(normalize-space(), '" + DemoEngagements.OPERATIONAL_DEMO + "')]"));
            assertThat(browser.driver().getPageSource()).doesNotContain(other.reference())
                    .doesNotContain(othersLifecycle.getId());
            browser.screenshot("cockpit-sponsor-process-definition");

            // the other engagement's instance, opened by its address: Cockpit shows nothing of it
            browser.go("/camunda/app/cockpit/default/#/process-instance/" + othersLifecycle.getId() + "/runtime");
            browser.waitUntil(driver -> driver.getPageSource().contains("No running process instance with ID"));
            assertThat(browser.driver().getPageSource()).doesNotContain(other.reference());
            browser.screenshot("cockpit-sponsor-other-instance");
        }
    }

    @Test
    void aParticipantSignsTheCharterFromTheSignOffFilterInTasklist() {
        TaskService taskService = service.bean(TaskService.class);
        Engagements.agreeWaysOfWorkingAndStakeholderMap(taskService, DemoEngagements.ONBOARDING_DEMO);
        String signOff = taskService.createTaskQuery().processInstanceBusinessKey(DemoEngagements.ONBOARDING_DEMO)
                .taskDefinitionKey("userTask_signCharterAsClient").singleResult().getId();

        try (Browser browser = Browser.open(service.port())) {
            browser.logIn("tasklist", "clara", "demo");
            browser.waitForClickable(By.xpath("//*[contains(@class,'task-filter')]//a[contains(normalize-space(),"
                    + " 'Sign-offs waiting for me')]")).click();
            browser.waitForClickable(By.xpath("//a[contains(normalize-space(), 'Sign the onboarding charter (client)')]")).click();
            // The task list names the engagement.
            browser.waitFor(By.xpath("//*[contains(@class,'variables')][contains(normalize-space(), 'Acme claims processing')]"));
            WebElement approve = browser.waitFor(By.xpath("//label[normalize-space()='Approve']"));
            ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});", approve);
            browser.waitForClickable(By.xpath("//label[normalize-space()='Approve']")).click();
            browser.screenshot("tasklist-sign-off");
            browser.waitForClickable(By.xpath("//button[normalize-space()='Complete']")).click();
            browser.waitUntil(driver -> taskService.createTaskQuery().taskId(signOff).count() == 0);
        }

        assertThat(jdbc.queryForList("""
                select c.decision || ' by ' || c.signer from charter_sign_off c join engagement e on e.id = c.engagement_id
                where e.contract_reference = ?""", String.class, DemoEngagements.ONBOARDING_DEMO))
                .containsExactly("APPROVE by clara");
    }

    /**
     * olivia schedules a kick-off in the past: Tasklist says which field and why, in words, under
     * the header rather than over the Complete button; once she corrects the date and completes
     * the task, the refusal is gone.
     */
    @Test
    void aRefusedFormSaysWhichFieldAndWhyAndGoesOnceCorrected() {
        TaskService taskService = service.bean(TaskService.class);
        Engagements.Registered engagement = Engagements.register(service.http(), java.time.LocalDate.now().plusMonths(1),
                java.time.LocalDate.now().plusYears(2));
        String scheduleKickOff = taskService.createTaskQuery().processInstanceBusinessKey(engagement.reference())
                .taskDefinitionKey("userTask_scheduleKickOff").singleResult().getId();

        try (Browser browser = Browser.open(service.port())) {
            browser.logIn("tasklist", "olivia", "demo");
            browser.go("/camunda/app/tasklist/default/#/?task=" + scheduleKickOff);
            WebElement date = browser.waitForClickable(By.xpath("//label[contains(., 'Kick-off date')]/following::input[1]"));
            date.sendKeys("01/05/2021", org.openqa.selenium.Keys.TAB);
            WebElement time = browser.waitForClickable(By.xpath("//label[contains(., 'Start time')]/following::input[1]"));
            time.sendKeys("10:00", org.openqa.selenium.Keys.TAB);
            browser.waitForClickable(By.xpath("//label[normalize-space()='Remote']")).click();
            WebElement complete = browser.waitForClickable(By.xpath("//button[normalize-space()='Complete']"));
            ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});", complete);
            complete.click();

            WebElement refusal = browser.waitFor(By.cssSelector(".page-notifications .alert"));
            assertThat(refusal.getText()).contains("Kick-off date", "must not be in the past")
                    .doesNotContain("Cannot submit", scheduleKickOff, "kickOffDate");
            org.openqa.selenium.Rectangle shown = refusal.getRect();
            org.openqa.selenium.Rectangle button = complete.getRect();
            assertThat(shown.getY() + shown.getHeight() <= button.getY() || shown.getY() >= button.getY() + button.getHeight()
                    || shown.getX() + shown.getWidth() <= button.getX() || shown.getX() >= button.getX() + button.getWidth())
                    .as("the refusal leaves the Complete button free").isTrue();
            browser.screenshot("tasklist-form-refusal");

            date.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"),
                    java.time.LocalDate.now().plusDays(10).format(java.time.format.DateTimeFormatter.ofPattern("MM/dd/yyyy")),
                    org.openqa.selenium.Keys.TAB);
            ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});", complete);
            complete.click();
            browser.waitUntil(driver -> taskService.createTaskQuery().taskId(scheduleKickOff).count() == 0);
            browser.waitUntil(driver -> driver.findElements(By.cssSelector(".page-notifications .alert")).isEmpty());
        }
    }

    private static String worstHealthOfLatestPeriod(long engagementId) {
        List<String> healths = jdbc.queryForList("""
                select m.health from measurement m join service_metric s on s.id = m.metric_id
                where s.engagement_id = ? and m.superseded_at is null and m.period = (
                  select max(m2.period) from measurement m2 join service_metric s2 on s2.id = m2.metric_id
                  where s2.engagement_id = ? and m2.superseded_at is null)""", String.class, engagementId, engagementId);
        return healths.isEmpty() ? "NO_DATA" : healths.contains("RED") ? "RED" : healths.contains("AMBER") ? "AMBER" : "GREEN";
    }

    private static long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    private static String ids(List<Long> ids) {
        return String.join(",", ids.stream().map(String::valueOf).toList());
    }

    private static String plain(Object number) {
        return new java.math.BigDecimal(String.valueOf(number)).stripTrailingZeros().toPlainString();
    }

    private static String figure(WebElement portfolio, String name) {
        return portfolio.findElement(By.cssSelector("[data-figure='" + name + "'] .gv-figure")).getText();
    }
}
