package org.bpogovernance.reporting;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bpogovernance.security.GovernanceGroups;
import org.bpogovernance.security.OfficerTeams;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.management.Metrics;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The gauges at {@code /actuator/prometheus}. They are counted by a background refresh every
 * {@code governance.metrics.refresh-interval}, not on each scrape, so a scrape costs nothing and
 * a database outage leaves the last counts in place (and {@code governance_metrics_refresh_failures_total} rising).
 *
 * <ul>
 *   <li>{@code governance_engagements{phase,health}}; {@code governance_tasks_open{group}} (candidate group, assigned or not);
 *       {@code governance_tasks_overdue}; {@code governance_escalations_open{level}};
 *       {@code governance_action_items_overdue}; {@code governance_outbox_messages{status}}</li>
 *   <li>the engine: {@code camunda_process_instances_running{process}}, {@code camunda_incidents_open},
 *       {@code camunda_jobs_failed} (no retries left), {@code camunda_jobs_executable}, and the engine's own
 *       meters as {@code camunda_engine_<meter>} (the totals in ACT_RU_METER_LOG, which the engine writes every 15 minutes)</li>
 * </ul>
 */
@Component
class GovernanceMetrics {

    private static final Logger log = LoggerFactory.getLogger(GovernanceMetrics.class);
    private static final List<String> ENGINE_METERS = List.of(Metrics.ROOT_PROCESS_INSTANCE_START,
            Metrics.ACTIVTY_INSTANCE_START, Metrics.ACTIVTY_INSTANCE_END, Metrics.JOB_SUCCESSFUL, Metrics.JOB_FAILED,
            Metrics.EXECUTED_DECISION_ELEMENTS, Metrics.EXECUTED_DECISION_INSTANCES);

    private final JdbcTemplate jdbc;
    private final PortfolioService portfolio;
    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final RepositoryService repositoryService;
    private final ManagementService managementService;
    private final OfficerTeams officerTeams;
    private final Clock clock;
    private final Map<String, Double> values = new ConcurrentHashMap<>();
    private final MultiGauge engagements;
    private final MultiGauge openTasks;
    private final MultiGauge openEscalations;
    private final MultiGauge outbox;
    private final MultiGauge runningProcesses;
    private final Counter refreshFailures;

    GovernanceMetrics(MeterRegistry registry, JdbcTemplate jdbc, PortfolioService portfolio, TaskService taskService,
            RuntimeService runtimeService, RepositoryService repositoryService, ManagementService managementService,
            OfficerTeams officerTeams, Clock clock) {
        this.jdbc = jdbc;
        this.portfolio = portfolio;
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.repositoryService = repositoryService;
        this.managementService = managementService;
        this.officerTeams = officerTeams;
        this.clock = clock;
        engagements = MultiGauge.builder("governance.engagements").description("Engagements by phase and overall RAG status")
                .register(registry);
        openTasks = MultiGauge.builder("governance.tasks.open").description("Open user tasks by candidate group")
                .register(registry);
        openEscalations = MultiGauge.builder("governance.escalations.open").description("Open escalations by ladder level")
                .register(registry);
        outbox = MultiGauge.builder("governance.outbox.messages").description("Notification outbox messages by status")
                .register(registry);
        runningProcesses = MultiGauge.builder("camunda.process.instances.running")
                .description("Running process instances by process definition key").register(registry);
        single(registry, "governance.tasks.overdue", "Open user tasks past their due date");
        single(registry, "governance.action.items.overdue", "Open action items past their due date");
        single(registry, "camunda.incidents.open", "Open incidents");
        single(registry, "camunda.jobs.failed", "Jobs with no retries left");
        single(registry, "camunda.jobs.executable", "Jobs due now");
        ENGINE_METERS.forEach(meter -> single(registry, "camunda.engine." + meter.replace('-', '.'),
                "The engine's " + meter + " meter, as last written to its meter log"));
        refreshFailures = Counter.builder("governance.metrics.refresh.failures")
                .description("Refreshes of these gauges that failed (the last counts stay)").register(registry);
    }

    private void single(MeterRegistry registry, String name, String description) {
        Gauge.builder(name, values, map -> map.getOrDefault(name, Double.NaN)).description(description).register(registry);
    }

    @Scheduled(initialDelayString = "${governance.metrics.refresh-interval:PT30S}",
            fixedDelayString = "${governance.metrics.refresh-interval:PT30S}")
    void refreshOnSchedule() {
        try {
            refresh();
        } catch (RuntimeException failure) {
            refreshFailures.increment();
            log.warn("Could not refresh the governance metrics; the last counts stay: {}", failure.toString());
        }
    }

    /** The officers' work is offered to their teams, or to the whole group where the office forms none. */
    private List<String> offeredAs(String group) {
        if (!GovernanceGroups.GOVERNANCE_OFFICERS.equals(group)) {
            return List.of(group);
        }
        List<String> groups = new ArrayList<>(officerTeams.all());
        groups.add(group);
        return groups;
    }

    /** Counts everything afresh; one refresh at a time, so an older count never overwrites a newer one. */
    synchronized void refresh() {
        Date now = Date.from(clock.instant());
        List<MultiGauge.Row<?>> engagementRows = new ArrayList<>();
        portfolio.engagementsByPhaseAndHealth().forEach((phase, byHealth) -> byHealth.forEach((health, count) ->
                engagementRows.add(MultiGauge.Row.of(Tags.of("phase", phase.name(), "health", health), count))));
        engagements.register(engagementRows, true);

        openTasks.register(GovernanceGroups.ALL.stream().map(group -> MultiGauge.Row.of(Tags.of("group", group),
                taskService.createTaskQuery().taskCandidateGroupIn(offeredAs(group)).includeAssignedTasks().count())).toList(), true);
        values.put("governance.tasks.overdue", (double) taskService.createTaskQuery().dueBefore(now).count());

        // One statement per gauge: the counts of its rows are of one moment.
        Map<String, Long> perLevel = countsBy("select level, count(*) from escalation where status = 'OPEN' group by level");
        List<MultiGauge.Row<?>> levels = new ArrayList<>();
        for (int level = 1; level <= PortfolioService.ESCALATION_LEVELS; level++) {
            levels.add(MultiGauge.Row.of(Tags.of("level", String.valueOf(level)), perLevel.getOrDefault(String.valueOf(level), 0L)));
        }
        openEscalations.register(levels, true);
        values.put("governance.action.items.overdue", jdbc.queryForObject(
                "select count(*) from action_item where status = 'OPEN' and due_date < ?", Long.class,
                java.sql.Date.valueOf(LocalDate.now(clock))).doubleValue());

        Map<String, Long> perStatus = countsBy("select status, count(*) from notification_outbox group by status");
        List<MultiGauge.Row<?>> statuses = new ArrayList<>();
        for (String status : List.of("PENDING", "SENDING", "SENT", "FAILED", "UNDELIVERABLE")) {
            statuses.add(MultiGauge.Row.of(Tags.of("status", status), perStatus.getOrDefault(status, 0L)));
        }
        outbox.register(statuses, true);

        runningProcesses.register(repositoryService.createProcessDefinitionQuery().latestVersion().list().stream()
                .map(ProcessDefinition::getKey).distinct()
                .map(key -> MultiGauge.Row.of(Tags.of("process", key),
                        runtimeService.createProcessInstanceQuery().processDefinitionKey(key).count()))
                .toList(), true);
        values.put("camunda.incidents.open", (double) runtimeService.createIncidentQuery().count());
        values.put("camunda.jobs.failed", (double) managementService.createJobQuery().noRetriesLeft().count());
        values.put("camunda.jobs.executable", (double) managementService.createJobQuery().executable().count());
        ENGINE_METERS.forEach(meter -> values.put("camunda.engine." + meter.replace('-', '.'),
                (double) managementService.createMetricsQuery().name(meter).sum()));
    }

    private Map<String, Long> countsBy(String groupedCount) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query(groupedCount, row -> {
            counts.put(row.getString(1), row.getLong(2));
        });
        return counts;
    }
}
