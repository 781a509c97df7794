package org.bpogovernance.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bpogovernance.testing.Http.download;
import static org.bpogovernance.testing.Http.get;
import static org.bpogovernance.testing.Http.postJson;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.bpogovernance.security.GovernanceGroups;
import org.bpogovernance.testing.Engagements;
import org.bpogovernance.testing.Engagements.Registered;
import org.bpogovernance.testing.GovernanceTest;
import org.bpogovernance.testing.Json;
import org.bpogovernance.testing.Pdf;
import org.bpogovernance.testing.WebappLogin;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The portfolio and the timeline as management reads them: figures a sponsor can check against
 * what happened, only their own engagements, CSV for spreadsheets, and the Cockpit login accepted
 * for reads only.
 */
@GovernanceTest
class GovernanceViewApiTest {

    static final String SPONSOR_PASSWORD = "Sponsor-view-1!";


    @Autowired
    TestRestTemplate rest;

    @Autowired
    TaskService taskService;

    @Autowired
    IdentityService identityService;

    @Autowired
    JdbcTemplate jdbc;

    Registered engagement;
    String sponsor;
    long escalationLevel;
    LocalDate today;
    YearMonth lastMonth;

    /**
     * An operational engagement with six months of service levels (the last one RED on FTR), one
     * overdue action item, one open escalation, a notice date 60 days away, and a sponsor of its own.
     */
    @BeforeEach
    void engagementWithAHistory() {
        today = LocalDate.now();
        lastMonth = YearMonth.from(today).minusMonths(1);
        YearMonth first = lastMonth.minusMonths(5);
        engagement = Engagements.register(rest, first.atDay(1), today.plusDays(150));
        Engagements.defineMetrics(rest, engagement, first.toString());
        Engagements.onboard(taskService, engagement);
        for (YearMonth month = first; month.isBefore(lastMonth); month = month.plusMonths(1)) {
            measure(month, "98", "300");
        }
        measure(lastMonth, "93", "300");
        long actionItem = ((Number) Json.read(postJson(rest, "olivia", "demo", engagement.path() + "/action-items",
                "{\"description\": \"Clean up the vendor master\", \"owner\": \"peter\", \"dueDate\": \""
                        + today.plusDays(7) + "\"}").getBody(), "$.id")).longValue();
        jdbc.update("update action_item set due_date = ? where id = ?", today.minusDays(4), actionItem);
        ResponseEntity<String> raised = postJson(rest, "clara", "demo", engagement.path() + "/escalations",
                "{\"subject\": \"Invoices are paid late\", \"severity\": \"MEDIUM\"}");
        assertThat(raised.getStatusCode()).as(raised.getBody()).isEqualTo(HttpStatus.CREATED);
        escalationLevel = ((Number) Json.read(raised.getBody(), "$.escalation.level")).longValue();

        sponsor = "sponsor-" + UUID.randomUUID().toString().substring(0, 8);
        var user = identityService.newUser(sponsor);
        user.setPassword(SPONSOR_PASSWORD);
        user.setEmail(sponsor + "@client.example");
        identityService.saveUser(user);
        identityService.createMembership(sponsor, GovernanceGroups.EXECUTIVE_SPONSORS);
        ResponseEntity<String> added = postJson(rest, "olivia", "demo", engagement.path() + "/stakeholders",
                "{\"userId\": \"" + sponsor + "\", \"side\": \"CLIENT\", \"role\": \"EXECUTIVE_SPONSOR\", \"escalationLevel\": 3}");
        assertThat(added.getStatusCode()).as(added.getBody()).isEqualTo(HttpStatus.CREATED);
    }

    private void measure(YearMonth month, String ftr, String aht) {
        ResponseEntity<String> sent = postJson(rest, "peter", "demo", engagement.path() + "/measurements", """
                [{"metric": "FTR", "period": "%s", "value": %s}, {"metric": "AHT", "period": "%1$s", "value": %s}]"""
                .formatted(month, ftr, aht));
        assertThat(sent.getStatusCode()).as(sent.getBody()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aSponsorSeesTheirEngagementWithFiguresThatAddUp() {
        String portfolio = get(rest, sponsor, SPONSOR_PASSWORD, "/api/portfolio").getBody();

        assertThat((Integer) Json.read(portfolio, "$.summary.engagements")).isEqualTo(1);
        assertThat((Integer) Json.read(portfolio, "$.summary.byPhase.OPERATIONAL")).isEqualTo(1);
        assertThat((Integer) Json.read(portfolio, "$.summary.byHealth.RED")).isEqualTo(1);
        assertThat((Integer) Json.read(portfolio, "$.summary.overdueActionItems")).isEqualTo(1);
        assertThat(((Number) Json.read(portfolio, "$.summary.openEscalationsByLevel." + escalationLevel)).longValue()).isEqualTo(1);
        assertThat((Integer) Json.read(portfolio, "$.summary.renewalsDueWithin90Days")).isEqualTo(1);
        assertThat((Integer) Json.read(portfolio, "$.summary.renewalsDueWithin180Days")).isEqualTo(1);

        assertThat((List<String>) Json.read(portfolio, "$.engagements[*].contractReference")).containsExactly(engagement.reference());
        assertThat((String) Json.read(portfolio, "$.engagements[0].phase")).isEqualTo("OPERATIONAL");
        assertThat((String) Json.read(portfolio, "$.engagements[0].health")).isEqualTo("RED");
        assertThat((String) Json.read(portfolio, "$.engagements[0].healthPeriod")).isEqualTo(lastMonth.toString());
        // FTR 93 against 98 attains 94.90 % (weight 60), AHT on target 100 % (weight 40): 96.94 %.
        assertThat((List<Double>) Json.read(portfolio, "$.engagements[0].attainmentTrend[*].weightedAttainment"))
                .containsExactly(100.0, 100.0, 100.0, 100.0, 100.0, 96.94);
        assertThat((String) Json.read(portfolio, "$.engagements[0].attainmentTrend[5].period")).isEqualTo(lastMonth.toString());
        assertThat((String) Json.read(portfolio, "$.engagements[0].noticeDate")).isEqualTo(today.plusDays(60).toString());
        assertThat((Integer) Json.read(portfolio, "$.engagements[0].daysToNoticeDate")).isEqualTo(60);
        assertThat((Integer) Json.read(portfolio, "$.engagements[0].overdueActionItems")).isEqualTo(1);
        assertThat((String) Json.read(portfolio, "$.engagements[0].lifecycleProcessInstanceId")).isNotBlank();
        // Which metric made it red, with its figure against the target; nothing else was off.
        assertThat((List<String>) Json.read(portfolio, "$.engagements[0].healthConcerns[*].metric"))
                .containsExactly("First-time-right rate");
        assertThat((String) Json.read(portfolio, "$.engagements[0].healthConcerns[0].health")).isEqualTo("RED");
        assertThat(((Number) Json.read(portfolio, "$.engagements[0].healthConcerns[0].measured")).intValue()).isEqualTo(93);
        assertThat(((Number) Json.read(portfolio, "$.engagements[0].healthConcerns[0].target")).intValue()).isEqualTo(98);
        assertThat((Object) Json.read(portfolio, "$.engagements[0].noDataReason")).isNull();
    }

    @Test
    void anEngagementWithoutAHealthSaysWhy() {
        Registered agreedNothing = Engagements.register(rest, today.withDayOfMonth(1), today.plusYears(2));
        Registered onboarding = Engagements.register(rest, today.withDayOfMonth(1), today.plusYears(2));
        Engagements.defineMetrics(rest, onboarding, YearMonth.from(today).toString());
        Registered stale = Engagements.register(rest, today.minusYears(3), today.plusYears(1));
        Engagements.defineMetrics(rest, stale, YearMonth.from(today.minusYears(3)).toString());
        Engagements.onboard(taskService, stale);
        YearMonth longAgo = YearMonth.from(today).minusMonths(20);
        ResponseEntity<String> sent = postJson(rest, "peter", "demo", stale.path() + "/measurements",
                "[{\"metric\": \"FTR\", \"period\": \"%s\", \"value\": 99}]".formatted(longAgo));
        assertThat(sent.getStatusCode()).as(sent.getBody()).isEqualTo(HttpStatus.OK);

        String portfolio = get(rest, "olivia", "demo", "/api/portfolio?health=NO_DATA&size=200").getBody();

        assertThat(reasonOf(portfolio, agreedNothing)).isEqualTo("No service levels agreed yet.");
        assertThat(reasonOf(portfolio, onboarding)).startsWith("Still onboarding");
        assertThat(reasonOf(portfolio, stale)).startsWith("Nothing measured since "
                + longAgo.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH) + " "
                + longAgo.getYear());
        assertThat((List<String>) Json.read(portfolio, "$.engagements[*].health")).containsOnlyNulls();
    }

    private static String reasonOf(String portfolio, Registered engagement) {
        List<String> reasons = Json.read(portfolio,
                "$.engagements[?(@.contractReference == '" + engagement.reference() + "')].noDataReason");
        assertThat(reasons).as(engagement.reference()).hasSize(1);
        return reasons.get(0);
    }

    @Test
    void thePortfolioIsFilteredAndSortedAsManagementAsks() {
        Registered quiet = Engagements.register(rest, today.withDayOfMonth(1), today.plusYears(3));
        long all = jdbc.queryForObject("select count(*) from engagement", Long.class);

        String redWithEscalations = get(rest, "olivia", "demo",
                "/api/portfolio?health=red&openEscalations=true&overdueActions=true&noticeWithinDays=90&size=200").getBody();
        assertThat((List<String>) Json.read(redWithEscalations, "$.engagements[*].contractReference"))
                .contains(engagement.reference()).doesNotContain(quiet.reference());
        assertThat((List<String>) Json.read(redWithEscalations, "$.engagements[*].health")).containsOnly("RED");
        assertThat((List<Integer>) Json.read(redWithEscalations, "$.engagements[*].overdueActionItems")).doesNotContain(0);
        assertThat((List<Integer>) Json.read(redWithEscalations, "$.engagements[*].daysToNoticeDate"))
                .allSatisfy(days -> assertThat(days).isLessThanOrEqualTo(90));
        // The summary still counts the whole portfolio; the page counts what the filters kept.
        assertThat(((Number) Json.read(redWithEscalations, "$.summary.engagements")).longValue()).isEqualTo(all);
        assertThat(((Number) Json.read(redWithEscalations, "$.page.totalElements")).longValue())
                .isEqualTo(((List<?>) Json.read(redWithEscalations, "$.engagements")).size());

        List<String> byHealth = Json.read(get(rest, "olivia", "demo", "/api/portfolio?sort=health&size=200").getBody(),
                "$.engagements[*].health");
        List<Integer> ranks = byHealth.stream().map(health -> health == null ? 0
                : List.of("GREEN", "AMBER", "RED").indexOf(health) + 1).toList();
        assertThat(ranks).isSortedAccordingTo(java.util.Comparator.reverseOrder());

        List<String> byNotice = Json.read(get(rest, "olivia", "demo", "/api/portfolio?sort=noticeDate,asc&size=200").getBody(),
                "$.engagements[*].noticeDate");
        assertThat(byNotice).isSorted();
        List<Integer> byOverdue = Json.read(get(rest, "olivia", "demo", "/api/portfolio?sort=overdueActionItems&size=200")
                .getBody(), "$.engagements[*].overdueActionItems");
        assertThat(byOverdue).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(byOverdue.get(0)).isPositive();
    }

    @Test
    void anOfficerSeesEveryEngagement() {
        String portfolio = get(rest, "olivia", "demo", "/api/portfolio?size=1").getBody();

        long all = jdbc.queryForObject("select count(*) from engagement", Long.class);
        assertThat(((Number) Json.read(portfolio, "$.summary.engagements")).longValue()).isEqualTo(all);
        assertThat(((Number) Json.read(portfolio, "$.page.totalElements")).longValue()).isEqualTo(all);
        assertThat((List<?>) Json.read(portfolio, "$.engagements")).hasSize(1);
        long overdue = jdbc.queryForObject("select count(*) from action_item where status = 'OPEN' and due_date < ?",
                Long.class, today);
        assertThat(((Number) Json.read(portfolio, "$.summary.overdueActionItems")).longValue()).isEqualTo(overdue);

        // clara is a stakeholder of many test engagements, but not of every one the officer sees.
        long clarasEngagements = jdbc.queryForObject(
                "select count(distinct engagement_id) from stakeholder where user_id = 'clara'", Long.class);
        String clarasView = get(rest, "clara", "demo", "/api/portfolio?size=1").getBody();
        assertThat(((Number) Json.read(clarasView, "$.summary.engagements")).longValue()).isEqualTo(clarasEngagements);
    }

    @Test
    void thePortfolioExportsAsCsv() {
        ResponseEntity<String> csv = rest.exchange("/api/portfolio", HttpMethod.GET, new HttpEntity<>(headers(sponsor,
                MediaType.parseMediaType("text/csv"))), String.class);

        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        List<String> lines = csv.getBody().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("id,name,client,provider,contractReference,phase,health,healthPeriod,attainment ")
                .contains("attainment " + lastMonth, "overdueActionItems", "noticeDate");
        assertThat(lines.get(1)).contains(engagement.reference(), "OPERATIONAL", "RED", "96.94", today.plusDays(60).toString());
    }

    @Test
    void theTimelineTellsWhoDidWhatAndWhenWithTheProcessThatDidIt() {
        String timeline = get(rest, sponsor, SPONSOR_PASSWORD, engagement.path() + "/timeline").getBody();

        List<String> actions = Json.read(timeline, "$.events[*].action");
        assertThat(actions).containsSubsequence("REGISTERED", "CHARTER_APPROVED", "CHARTER_APPROVED",
                "ONBOARDING_COMPLETED", "PHASE_CHANGED", "ESCALATION_RAISED");
        assertThat(actions).doesNotContain("STAKEHOLDER_ADDED", "MEASUREMENTS_RECORDED");
        assertThat((List<String>) Json.read(timeline, "$.events[?(@.action == 'REGISTERED')].actor")).containsExactly("olivia");
        assertThat((List<String>) Json.read(timeline, "$.events[?(@.action == 'CHARTER_APPROVED')].category"))
                .containsOnly("SIGN_OFF");
        // clara's escalation, and the one the RED month raised when peter sent it.
        assertThat((List<String>) Json.read(timeline, "$.events[?(@.action == 'ESCALATION_RAISED')].actor"))
                .containsExactlyInAnyOrder("clara", "peter");
        // Steps of a process name it; the escalations' own processes still run, so Cockpit can show them.
        List<String> escalationProcess = Json.read(timeline, "$.events[?(@.action == 'ESCALATION_RAISED')].processInstanceId");
        String charterProcess = Json.<List<String>>read(timeline,
                "$.events[?(@.action == 'ONBOARDING_COMPLETED')].processInstanceId").get(0);
        assertThat(charterProcess).isNotBlank();
        assertThat((List<Boolean>) Json.read(timeline, "$.events[?(@.action == 'ONBOARDING_COMPLETED')].processRunning"))
                .containsExactly(false);
        // The entry that completed onboarding links the signed charter.
        String charter = Json.<List<String>>read(timeline, "$.events[?(@.action == 'ONBOARDING_COMPLETED')].document").get(0);
        assertThat(charter).isEqualTo(engagement.path() + "/charter.pdf");
        assertThat(Pdf.text(download(rest, sponsor, SPONSOR_PASSWORD, charter).getBody())).contains("Governance charter");
        assertThat(escalationProcess).hasSize(2).doesNotContainNull();
        assertThat((List<Boolean>) Json.read(timeline, "$.events[?(@.action == 'ESCALATION_RAISED')].processRunning"))
                .containsExactly(true, true);
        // What a sponsor reads: words, not codes
        assertThat((List<String>) Json.read(timeline, "$.events[?(@.action == 'PHASE_CHANGED')].title")).containsOnly("Phase changed");
        assertThat((List<String>) Json.read(timeline, "$.events[?(@.action == 'PHASE_CHANGED')].summary"))
                .contains("from onboarding to operational");
        assertThat((List<String>) Json.read(timeline, "$.events[?(@.action == 'ESCALATION_RAISED')].summary"))
                .anyMatch(summary -> summary.contains("service-level breach")).anyMatch(summary -> summary.contains("raised by hand"));
        assertThat((List<String>) Json.read(timeline, "$.events[*].summary")).as("no codes such as KPI_BREACH or ONBOARDING -> OPERATIONAL")
                .noneMatch(summary -> summary != null && (summary.matches("(?s).*\\b[A-Z]+_[A-Z_]+\\b.*") || summary.contains("->")));

        ResponseEntity<String> csv = rest.exchange(engagement.path() + "/timeline", HttpMethod.GET,
                new HttpEntity<>(headers(sponsor, MediaType.parseMediaType("text/csv"))), String.class);
        assertThat(csv.getBody().lines().findFirst()).hasValue("at,category,action,title,summary,actor,processInstanceId");
        assertThat(csv.getBody()).contains(",LIFECYCLE,REGISTERED,", ",ESCALATION,ESCALATION_RAISED,");
    }

    @ParameterizedTest(name = "{0} -> {1} naming {2}")
    @CsvSource(delimiter = '|', value = {
            "/api/portfolio?page=-1          | 400 | page",
            "/api/portfolio?size=0           | 400 | size",
            "/api/portfolio?size=201         | 400 | size",
            "/api/portfolio?phase=DORMANT    | 400 | phase",
            "/api/portfolio?page=x           | 400 | page",
            "/api/portfolio?sort=colour      | 400 | sort",
            "/api/portfolio?sort=health,up   | 400 | sort",
            "/api/portfolio?health=PURPLE    | 400 | health",
            "/api/portfolio?noticeWithinDays=-1 | 400 | noticeWithinDays",
            "/api/portfolio?openEscalations=maybe | 400 | openEscalations",
            "/api/engagements/999999999/timeline | 404 | engagement",
            "/api/engagements/abc/timeline   | 400 | id"})
    void badRequestsAreRefusedNamingTheField(String path, int status, String field) {
        ResponseEntity<String> answer = get(rest, "olivia", "demo", path);

        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(status);
        assertThat(answer.getBody()).contains(field).doesNotContain("Exception", "at org.");
    }

    @Test
    void anotherStakeholdersEngagementDoesNotExistForThem() {
        Registered other = Engagements.register(rest, today.withDayOfMonth(1), today.plusYears(2));

        assertThat(get(rest, sponsor, SPONSOR_PASSWORD, other.path() + "/timeline").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat((List<String>) Json.read(get(rest, sponsor, SPONSOR_PASSWORD, "/api/portfolio").getBody(),
                "$.engagements[*].contractReference")).containsExactly(engagement.reference());
    }

    @Test
    void theCockpitLoginReadsButNeverWrites() {
        String cookies = WebappLogin.sessionCookie(rest, sponsor, SPONSOR_PASSWORD, "cockpit");
        HttpHeaders withSession = new HttpHeaders();
        withSession.add(HttpHeaders.COOKIE, cookies);
        withSession.setAccept(List.of(MediaType.APPLICATION_JSON));

        ResponseEntity<String> read = rest.exchange("/api/portfolio", HttpMethod.GET, new HttpEntity<>(withSession), String.class);
        assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((List<String>) Json.read(read.getBody(), "$.engagements[*].contractReference"))
                .containsExactly(engagement.reference());
        // The read leaves the Cockpit session as it was: same id, still logged in.
        assertThat(String.valueOf(read.getHeaders().get(HttpHeaders.SET_COOKIE))).doesNotContain("JSESSIONID");
        assertThat(rest.exchange("/camunda/api/engine/engine/default/task/count", HttpMethod.GET,
                new HttpEntity<>(withSession), String.class).getStatusCode()).isEqualTo(HttpStatus.OK);

        withSession.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> write = rest.exchange(engagement.path() + "/action-items", HttpMethod.POST,
                new HttpEntity<>("{\"description\": \"Forged\", \"owner\": \"peter\", \"dueDate\": \"" + today.plusDays(3) + "\"}",
                        withSession), String.class);
        assertThat(write.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(jdbc.queryForObject("select count(*) from action_item where engagement_id = ? and description = 'Forged'",
                Long.class, engagement.id())).isZero();

        HttpHeaders staleSession = new HttpHeaders();
        staleSession.add(HttpHeaders.COOKIE, "JSESSIONID=0123456789ABCDEF");
        assertThat(rest.exchange("/api/portfolio", HttpMethod.GET, new HttpEntity<>(staleSession), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private static HttpHeaders headers(String user, MediaType accept) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, user.startsWith("sponsor") ? SPONSOR_PASSWORD : "demo");
        headers.setAccept(List.of(accept));
        return headers;
    }
}
