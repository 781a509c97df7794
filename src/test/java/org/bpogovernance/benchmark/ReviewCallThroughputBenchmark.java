package org.bpogovernance.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bpogovernance.testing.Engagements.Registered;
import org.bpogovernance.testing.Engagements;
import org.bpogovernance.testing.GovernanceTest;
import org.bpogovernance.testing.TestDatabase;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Completed review calls per minute, every task completed through the engine API (FormService, as
 * Tasklist submits forms), for {@code benchmark.engagements} engagements (1 000 by default): the
 * service, and next to it a bare Camunda engine on the same kind of database running the same
 * milestone-review model with no-op delegates and listeners (which set only the decision values
 * the gateways need) and the service's engine settings (full history, authorization on), in
 * alternating chunks, in one run; mail goes to an SMTP server on loopback. Writes
 * {@code target/benchmarks/review-calls-<database>.md}.
 */
@Tag("benchmark")
@GovernanceTest
class ReviewCallThroughputBenchmark {

    static final int ENGAGEMENTS = Integer.getInteger("benchmark.engagements", 1000);
    static final int CHUNK = 100;
    static final String AGENDA = "5 | olivia | Welcome and objectives\n20 | peter | Performance against the service levels\n"
            + "10 | olivia | Decisions and actions";
    static final String ATTENDANCE = "clara | REMOTE\npeter | REMOTE\nsam | REMOTE";

    /** Mail is delivered, as in production; the outbox sends on its own thread, beside the calls. */
    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(false);

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ProcessEngine service;

    @Test
    void reviewCallsPerMinuteNextToABareEngine() throws IOException {
        LocalDate termStart = LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).withDayOfMonth(1).minusMonths(3);
        List<Registered> engagements = new ArrayList<>();
        for (int i = 0; i < ENGAGEMENTS; i++) {
            Registered engagement = Engagements.register(rest, termStart, termStart.plusYears(3),
                    "[{\"tier\": \"OPERATIONAL\", \"cadence\": \"MONTHLY\", \"meetingMinutes\": 60}]");
            Engagements.addSponsor(rest, engagement);
            Engagements.defineMetrics(rest, engagement, YearMonth.from(termStart).toString());
            org.bpogovernance.testing.Http.postJson(rest, "peter", "demo", engagement.path() + "/measurements", """
                    [{"metric": "FTR", "period": "%1$s", "value": 98.5}, {"metric": "AHT", "period": "%1$s", "value": 290}]"""
                    .formatted(YearMonth.now(java.time.ZoneId.of("Europe/Berlin"))));
            Engagements.onboard(service.getTaskService(), engagement);
            engagements.add(engagement);
        }
        ProcessEngine bare = bareEngine();
        try {
            long serviceNanos = 0;
            long bareNanos = 0;
            for (int from = 0; from < ENGAGEMENTS; from += CHUNK) {
                List<Registered> chunk = engagements.subList(from, Math.min(ENGAGEMENTS, from + CHUNK));
                long start = System.nanoTime();
                for (Registered engagement : chunk) {
                    String operations = service.getRuntimeService().createProcessInstanceQuery()
                            .processDefinitionKey("operational-governance").processInstanceBusinessKey(engagement.reference())
                            .singleResult().getId();
                    Job due = service.getManagementService().createJobQuery().processInstanceId(operations)
                            .activityId("timer_reviewCallDue").singleResult();
                    service.getManagementService().executeJob(due.getId());
                    String review = service.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("milestone-review")
                            .processInstanceBusinessKey(engagement.reference()).singleResult().getId();
                    holdCall(service, review);
                }
                serviceNanos += System.nanoTime() - start;

                start = System.nanoTime();
                for (int i = 0; i < chunk.size(); i++) {
                    String review = bare.getRuntimeService().startProcessInstanceByKey("milestone-review", "BARE-" + from + "-" + i,
                            Variables.createVariables().putValue("engagementId", (long) i).putValue("engagementName", "Bare")
                                    .putValue("governanceOfficer", "olivia").putValue("reviewId", (long) i)
                                    .putValue("reviewTier", "OPERATIONAL").putValue("reviewSequence", 2)
                                    .putValue("engagementPhase", "OPERATIONAL").putValue("performanceDataPeriod", "2026-01"))
                            .getId();
                    holdCall(bare, review);
                }
                bareNanos += System.nanoTime() - start;
            }
            assertThat(service.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("milestone-review")
                    .finished().count()).isEqualTo(ENGAGEMENTS);
            assertThat(bare.getHistoryService().createHistoricProcessInstanceQuery().finished().count()).isEqualTo(ENGAGEMENTS);
            double servicePerMinute = ENGAGEMENTS / (serviceNanos / 6e10);
            double barePerMinute = ENGAGEMENTS / (bareNanos / 6e10);
            BenchmarkEngagements.write("review-calls", List.of(String.format(Locale.ROOT,
                    "| review calls completed per minute, %,d engagements, 11 tasks and a timer each, %s | %,.0f/min | "
                            + "%,.0f/min bare Camunda 7.24, same model, no-op delegates | %.2fx | 0.75x |",
                    ENGAGEMENTS, BenchmarkEngagements.database(), servicePerMinute, barePerMinute,
                    servicePerMinute / barePerMinute)));
        } finally {
            bare.close();
        }
    }

    /** One call, as its people work it: agenda, schedule, three answers, the call, minutes, two sign-offs, a rating. */
    private static void holdCall(ProcessEngine engine, String review) {
        submit(engine, review, "userTask_prepareAgenda", Map.of("objectives", "Review the month", "agendaItems", AGENDA));
        submit(engine, review, "userTask_scheduleCall", Map.of("callDate", LocalDate.now().plusDays(5).toString(),
                "callTime", "10:00", "callMinutes", 60, "callFormat", "REMOTE"));
        for (Task answer : engine.getTaskService().createTaskQuery().processInstanceId(review)
                .taskDefinitionKey("userTask_confirmAttendance").list()) {
            engine.getFormService().submitTaskForm(answer.getId(), Map.of("attendanceResponse", "CONFIRM"));
            runContinuations(engine, review);
        }
        Job call = engine.getManagementService().createJobQuery().processInstanceId(review).activityId("timer_callTakesPlace")
                .singleResult();
        engine.getManagementService().executeJob(call.getId());
        submit(engine, review, "userTask_recordCall", Map.of("attendance", ATTENDANCE, "minutes", "Discussed the month",
                "actionItems", LocalDate.now().plusDays(30) + " | peter | Follow up the exceptions"));
        submit(engine, review, "userTask_signOffAsClient", Map.of("signOffDecision", "APPROVE"));
        submit(engine, review, "userTask_signOffAsProvider", Map.of("signOffDecision", "APPROVE"));
        submit(engine, review, "userTask_rateCall", Map.of("satisfactionScore", "4"));
    }

    private static void submit(ProcessEngine engine, String review, String taskKey, Map<String, Object> values) {
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(review).taskDefinitionKey(taskKey).singleResult();
        assertThat(task).as(taskKey).isNotNull();
        engine.getFormService().submitTaskForm(task.getId(), values);
        runContinuations(engine, review);
    }

    /**
     * The job executor's share of the work: the model's asynchronous continuations after a
     * completion, run here in the measured thread (the service's test set-up has run them already).
     */
    private static void runContinuations(ProcessEngine engine, String review) {
        for (List<Job> due = continuations(engine, review); !due.isEmpty(); due = continuations(engine, review)) {
            due.forEach(job -> engine.getManagementService().executeJob(job.getId()));
        }
    }

    private static List<Job> continuations(ProcessEngine engine, String review) {
        return engine.getManagementService().createJobQuery().processInstanceId(review).messages().executable().list();
    }

    /** A bare engine on a second database of the same kind, with the same models and no-op steps. */
    private static ProcessEngine bareEngine() throws IOException {
        String[] database = TestDatabase.freshSideDatabase("governance_bench_bare");
        StandaloneProcessEngineConfiguration configuration =
                (StandaloneProcessEngineConfiguration) ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName("bare-benchmark");
        configuration.setJdbcUrl(database[0]);
        configuration.setJdbcUsername(database[1]);
        configuration.setJdbcPassword(database[2]);
        configuration.setJdbcDriver(TestDatabase.onPostgres() ? "org.postgresql.Driver" : "org.h2.Driver");
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        configuration.setJobExecutorActivate(false);
        // The service's engine settings: authorization on (tasks get their assignee's authorization).
        configuration.setAuthorizationEnabled(true);
        configuration.setBeans(noOpSteps());
        configuration.getProcessEnginePlugins().add(new org.camunda.spin.plugin.impl.SpinProcessEnginePlugin());
        ProcessEngine engine = configuration.buildProcessEngine();
        var deployment = engine.getRepositoryService().createDeployment().name("bare");
        for (String resource : List.of("bpmn/milestone-review.bpmn", "bpmn/meeting-format.dmn")) {
            deployment.addString(resource.substring(5), Files.readString(Path.of(resource)));
        }
        try (var forms = Files.list(Path.of("forms"))) {
            for (Path form : forms.toList()) {
                try (InputStream in = Files.newInputStream(form)) {
                    deployment.addInputStream(form.getFileName().toString(), in);
                }
            }
        }
        deployment.deploy();
        return engine;
    }

    /** Every delegate and listener of milestone-review as a no-op that sets only what the gateways read. */
    private static Map<Object, Object> noOpSteps() {
        Map<Object, Object> beans = new HashMap<>();
        JavaDelegate noOp = execution -> { };
        TaskListener noOpListener = task -> { };
        for (String name : List.of("draftAgendaDelegate", "attachScorecardDelegate", "escalateDisputedMinutesDelegate",
                "closeReviewDelegate", "startActionItemFollowUpsDelegate")) {
            beans.put(name, noOp);
        }
        for (String name : List.of("showAgendaTaskListener", "recordAgendaTaskListener", "showPerformanceDataTaskListener",
                "recordPerformanceDataTaskListener", "showScheduleTaskListener", "showInvitationTaskListener",
                "recordAttendanceResponseTaskListener", "showRescheduleTaskListener", "recordRescheduleTaskListener",
                "showRecordCallTaskListener", "recordCallTaskListener", "showMinutesTaskListener",
                "recordMinutesSignOffTaskListener", "showReworkTaskListener", "recordMinutesReworkTaskListener",
                "recordSatisfactionTaskListener")) {
            beans.put(name, noOpListener);
        }
        beans.put("checkPerformanceDataDelegate", (JavaDelegate) execution -> execution.setVariableLocal("performanceDataMissing", false));
        beans.put("checkQuorumDelegate", (JavaDelegate) execution -> execution.setVariable("quorumReached", true));
        beans.put("openMinutesSignOffDelegate", (JavaDelegate) execution -> {
            execution.setVariable("clientSigner", "clara");
            execution.setVariable("providerSigner", "peter");
        });
        beans.put("checkMinutesSignOffDelegate", (JavaDelegate) execution -> execution.setVariable("signOffOutcome", "APPROVED"));
        beans.put("recordScheduleTaskListener", (TaskListener) task -> {
            OffsetDateTime starts = OffsetDateTime.now().plusDays(5);
            task.getExecution().setVariable("invitees", Variables.objectValue(new ArrayList<>(List.of("clara", "peter", "sam")))
                    .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
            task.getExecution().setVariable("attendanceDeadline", starts.minusDays(1).toString());
            task.getExecution().setVariable("callStartsAt", starts.toString());
            task.getExecution().setVariable("timeByPoll", false);
        });
        beans.put("onSiteVisits", new NoTravel());
        beans.put("officerTeams", new NoTeams());
        return beans;
    }

    /** The officer work's candidate group: the role's, as for an officer without a team. */
    public static final class NoTeams {

        public List<String> of(String governanceOfficer) {
            return List.of("governance-officers");
        }
    }

    /** The meeting-format decision's travel input: nothing recorded. */
    public static final class NoTravel {

        public double lastTravelCost(Long reviewId) {
            return 0;
        }
    }
}
