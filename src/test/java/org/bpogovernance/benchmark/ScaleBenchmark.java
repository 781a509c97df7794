package org.bpogovernance.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bpogovernance.testing.Http.get;
import static org.bpogovernance.testing.Http.postJson;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.bpogovernance.security.GovernanceGroups;
import org.bpogovernance.testing.GovernanceTest;
import org.bpogovernance.testing.Modeler;
import org.bpogovernance.testing.TestDatabase;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tasklist's queries and the {@code /api} list endpoints at scale on PostgreSQL: 10 000
 * engagements registered through the API (each with its onboarding's first task) and 90 000
 * more open tasks (9 per engagement, two thirds assigned to one of 75 people, a third offered to
 * a group, due dates spread over two months), 100 000 open tasks in all. Each request is timed
 * over HTTP as the person would send it, 60 times after 2 unmeasured (a request that takes
 * seconds: at least 5 times, then for 20 s); p50 and p95 against the 200 ms target. Writes {@code target/benchmarks/scale-postgresql.md}.
 */
@Tag("benchmark")
@GovernanceTest
class ScaleBenchmark {

    /** The scale people's password (Camunda's password policy holds for them as for anyone). */
    static final String PASSWORD = "Scale-benchmark-1!";

    static final int ENGAGEMENTS = Integer.getInteger("benchmark.scale.engagements", 10_000);
    static final int TASKS_PER_ENGAGEMENT = 9;
    static final int PEOPLE_PER_GROUP = 25;
    static final int WARM_UP = 2;
    static final int SAMPLES = 60;
    /** A request that takes seconds is measured fewer times: at least MIN_SAMPLES, then until this has passed. */
    static final int MIN_SAMPLES = 5;
    static final java.time.Duration TIME_PER_REQUEST = java.time.Duration.ofSeconds(20);
    static final double TARGET_MS = 200;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    IdentityService identityService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    TaskService taskService;

    @Autowired
    FilterService filterService;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void tasklistAndListEndpointsAtTenThousandEngagements() throws Exception {
        assumeTrue(TestDatabase.onPostgres(), "the scale benchmark runs on PostgreSQL");
        List<String> clients = people("scale-client", GovernanceGroups.CLIENT_REPRESENTATIVES);
        List<String> providers = people("scale-provider", GovernanceGroups.PROVIDER_MANAGERS);
        List<String> officers = people("scale-officer", GovernanceGroups.GOVERNANCE_OFFICERS);
        List<String> groups = List.copyOf(GovernanceGroups.ALL);

        long started = System.nanoTime();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        List<Future<String>> registered = new ArrayList<>();
        for (int i = 0; i < ENGAGEMENTS; i++) {
            int n = i;
            registered.add(threads.submit(() -> register(n, clients.get(n % PEOPLE_PER_GROUP),
                    providers.get(n % PEOPLE_PER_GROUP), officers.get(n % PEOPLE_PER_GROUP))));
        }
        List<String> references = new ArrayList<>();
        for (Future<String> reference : registered) {
            references.add(reference.get(1, TimeUnit.HOURS));
        }
        Map<String, Long> engagementIds = new java.util.HashMap<>();
        jdbc.query("select contract_reference, id from engagement where contract_reference like 'SCALE-%'",
                (java.sql.ResultSet row) -> {
                    engagementIds.put(row.getString(1), row.getLong(2));
                });
        long registeredAt = System.nanoTime();
        repositoryService.createDeployment().name("scale-tasks")
                .addString("scale-tasks.bpmn", Modeler.testModel("scale-tasks.bpmn")).deploy();
        List<Future<?>> opened = new ArrayList<>();
        for (int i = 0; i < ENGAGEMENTS; i++) {
            int n = i;
            opened.add(threads.submit(() -> openTasks(n, references.get(n), engagementIds.get(references.get(n)), clients,
                    providers, officers, groups)));
        }
        for (Future<?> open : opened) {
            open.get(1, TimeUnit.HOURS);
        }
        threads.shutdown();
        long openTasks = taskService.createTaskQuery().count();
        System.out.printf(Locale.ROOT, "Scale data: %,d engagements in %.0f s, %,d open tasks in %.0f s more%n",
                ENGAGEMENTS, (registeredAt - started) / 1e9, openTasks, (System.nanoTime() - registeredAt) / 1e9);
        assertThat(openTasks).isGreaterThanOrEqualTo((long) ENGAGEMENTS * (TASKS_PER_ENGAGEMENT + 1));
        jdbc.execute("ANALYZE");

        String client = clients.get(3);
        String officer = officers.get(3);
        Map<String, Function<Integer, ResponseEntity<String>>> requests = new LinkedHashMap<>();
        requests.put("Tasklist: my tasks, newest first, first page (client representative)", page -> get(rest, client, PASSWORD,
                "/engine-rest/task?assignee=" + client + "&sortBy=created&sortOrder=desc&firstResult=" + page + "&maxResults=15"));
        requests.put("Tasklist: my tasks, count", page -> get(rest, client, PASSWORD, "/engine-rest/task/count?assignee=" + client));
        requests.put("Tasklist: group tasks by due date, first page (client representative)", page -> get(rest, client, PASSWORD,
                "/engine-rest/task?candidateGroups=" + GovernanceGroups.CLIENT_REPRESENTATIVES
                        + "&sortBy=dueDate&sortOrder=asc&firstResult=" + page + "&maxResults=15"));
        for (Filter filter : filterService.createTaskFilterQuery().list()) {
            requests.put("Tasklist filter '" + filter.getName() + "': first page (client representative)", page -> postJson(rest,
                    client, PASSWORD, "/engine-rest/filter/" + filter.getId() + "/list?firstResult=" + page + "&maxResults=15", "{}"));
            requests.put("Tasklist filter '" + filter.getName() + "': count (client representative)",
                    page -> get(rest, client, PASSWORD, "/engine-rest/filter/" + filter.getId() + "/count"));
        }
        requests.put("GET /api/engagements, first page (officer, sees all)",
                page -> get(rest, officer, PASSWORD, "/api/engagements?page=" + page + "&size=20"));
        requests.put("GET /api/engagements, first page (client representative, sees own)",
                page -> get(rest, client, PASSWORD, "/api/engagements?page=" + page + "&size=20"));
        requests.put("GET /api/engagements?phase=ONBOARDING (officer)",
                page -> get(rest, officer, PASSWORD, "/api/engagements?phase=ONBOARDING&page=" + page + "&size=20"));
        requests.put("GET /api/portfolio, first page (officer)",
                page -> get(rest, officer, PASSWORD, "/api/portfolio?page=" + page + "&size=50"));
        requests.put("GET /api/portfolio, first page (client representative)",
                page -> get(rest, client, PASSWORD, "/api/portfolio?page=" + page + "&size=50"));
        requests.put("GET /api/notifications, first page (officer)",
                page -> get(rest, officer, PASSWORD, "/api/notifications?page=" + page + "&size=50"));
        requests.put("GET /api/audit, first page (officer)",
                page -> get(rest, officer, PASSWORD, "/api/audit?page=" + page + "&size=50"));

        List<String> rows = new ArrayList<>();
        // What Camunda's authorization check compares a person's queries with: every row of the
        // person and of their groups (docs/security.md, docs/benchmarks.md).
        long authorizations = jdbc.queryForObject("select count(*) from act_ru_authorization", Long.class);
        long clientsRows = jdbc.queryForObject("select count(*) from act_ru_authorization where user_id_ = ? or group_id_ in "
                + "(select group_id_ from act_id_membership where user_id_ = ?)", Long.class, client, client);
        long clientsTasks = taskService.createTaskQuery().taskAssignee(client).count();
        rows.add(String.format(Locale.ROOT, "| Authorization rows, %,d engagements, %,d open tasks, PostgreSQL | %,d in all, "
                + "%.2f per open task; %,d for one client representative (%,d own tasks) | - | - | reported |",
                ENGAGEMENTS, openTasks, authorizations, (double) authorizations / openTasks, clientsRows, clientsTasks));
        System.out.println(rows.get(0));
        for (Map.Entry<String, Function<Integer, ResponseEntity<String>>> request : requests.entrySet()) {
            List<Double> millis = new ArrayList<>();
            long budget = System.nanoTime() + TIME_PER_REQUEST.toNanos();
            for (int i = 0; i < WARM_UP + SAMPLES && (millis.size() < MIN_SAMPLES || System.nanoTime() < budget); i++) {
                long start = System.nanoTime();
                ResponseEntity<String> answer = request.getValue().apply(i % 3);
                double elapsed = (System.nanoTime() - start) / 1e6;
                assertThat(answer.getStatusCode()).as(request.getKey() + ": " + answer.getBody()).isEqualTo(HttpStatus.OK);
                if (i >= WARM_UP) {
                    millis.add(elapsed);
                }
            }
            double p50 = percentile(millis, 50);
            double p95 = percentile(millis, 95);
            rows.add(String.format(Locale.ROOT, "| %s, %,d engagements, %,d open tasks, PostgreSQL, %d samples | p50 %,.0f ms, "
                    + "p95 %,.0f ms | target p95 %.0f ms | %.2fx | p95 < 200 ms |", request.getKey(), ENGAGEMENTS, openTasks,
                    millis.size(), p50, p95, TARGET_MS, p95 / TARGET_MS));
            System.out.println(rows.get(rows.size() - 1));
        }
        BenchmarkEngagements.write("scale", rows);
    }

    private List<String> people(String prefix, String group) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < PEOPLE_PER_GROUP; i++) {
            String id = "%s-%02d".formatted(prefix, i);
            if (identityService.createUserQuery().userId(id).count() == 0) {
                User user = identityService.newUser(id);
                user.setPassword(PASSWORD);
                user.setEmail(id + "@scale.example");
                identityService.saveUser(user);
                identityService.createMembership(id, group);
            }
            ids.add(id);
        }
        return ids;
    }

    private String register(int n, String client, String provider, String officer) {
        String reference = "SCALE-%05d".formatted(n);
        ResponseEntity<String> created = postJson(rest, "olivia", "demo", "/api/engagements", """
                {"name": "Scale engagement %1$s", "client": "Client %2$d", "provider": "Provider %3$d",
                 "serviceScope": "Scale", "contractReference": "%1$s", "termStart": "%4$s", "termEnd": "%5$s",
                 "noticePeriodDays": 90, "timeZone": "Europe/Berlin",
                 "clientRepresentative": "%6$s", "providerManager": "%7$s", "governanceOfficer": "%8$s"}"""
                .formatted(reference, n % 500, n % 40, LocalDate.now().withDayOfMonth(1), LocalDate.now().plusYears(3),
                        client, provider, officer));
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
        return reference;
    }

    /** Nine tasks of the engagement: six assigned to its people and the next engagement's, three offered to a group. */
    private void openTasks(int n, String reference, Long engagementId, List<String> clients, List<String> providers, List<String> officers,
            List<String> groups) {
        int next = (n + 1) % PEOPLE_PER_GROUP;
        List<String> people = List.of(clients.get(n % PEOPLE_PER_GROUP), providers.get(n % PEOPLE_PER_GROUP),
                officers.get(n % PEOPLE_PER_GROUP), clients.get(next), providers.get(next), officers.get(next), "-", "-", "-");
        runtimeService.startProcessInstanceByKey("scale-tasks", reference, Variables.createVariables()
                .putValue("people", new ArrayList<>(people)).putValue("group", groups.get(n % groups.size()))
                .putValue("due", Date.from(LocalDate.now().plusDays(n % 60 - 20).atStartOfDay(java.time.ZoneId.of("Europe/Berlin"))
                        .toInstant()))
                .putValue("engagementName", "Scale engagement " + reference).putValue("engagementId", engagementId));
    }

    private static double percentile(List<Double> values, int percentile) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    }
}
