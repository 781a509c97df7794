package org.bpogovernance.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;

/**
 * The job executor of a test: moves the engine's clock (and with it the service's) forward, from
 * one due timer to the next, and at each moment runs every job the engine holds executable, as the
 * job executor would, until none is left. The task-reminders cycle fires every quarter of an hour;
 * a year of those would take an hour to run, so it is run at the first quarter-hour on which a
 * task's reminder or overdue notice falls due (and whenever it is due as the clock stops anyway).
 * {@link #reset()} gives the engine its own clock back.
 */
public final class SimulatedClock {

    private static final String TASK_REMINDERS = "task-reminders";
    private static final Duration REMINDER_CYCLE = Duration.ofMinutes(15);
    private static final int MAX_JOBS_AT_ONE_MOMENT = 2_000;

    private final ManagementService managementService;
    private final TaskService taskService;
    private final List<Duration> reminderLeadTimes;
    private Instant remindersLastRan = Instant.EPOCH;
    private int jobsExecuted;
    private int stops;

    public SimulatedClock(ManagementService managementService, TaskService taskService, List<Duration> reminderLeadTimes) {
        this.managementService = managementService;
        this.taskService = taskService;
        this.reminderLeadTimes = List.copyOf(reminderLeadTimes);
    }

    /** Stops the engine's clock at the given moment; from now on only this class moves it. */
    public void startAt(ZonedDateTime moment) {
        ClockUtil.setCurrentTime(Date.from(moment.toInstant()));
    }

    public static void reset() {
        ClockUtil.reset();
    }

    public Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    public int jobsExecuted() {
        return jobsExecuted;
    }

    /** How many moments the clock was moved to. */
    public int stops() {
        return stops;
    }

    /** Runs what is due now, then moves to each following timer's due time up to {@code until}, running what is due there. */
    public void runUntil(ZonedDateTime until) {
        Instant target = until.toInstant();
        if (target.isBefore(now())) {
            throw new IllegalArgumentException("the clock runs forward only: it is " + now() + ", not yet " + target);
        }
        runDueJobs();
        while (now().isBefore(target)) {
            Instant next = earliest(target, nextTimer(), nextReminderRun());
            ClockUtil.setCurrentTime(Date.from(next));
            stops++;
            runDueJobs();
        }
    }

    /** Runs every executable job, earliest due first, until none is left (async continuations have no due date). */
    public void runDueJobs() {
        for (int executed = 0; ; executed++) {
            List<Job> due = managementService.createJobQuery().executable().orderByJobDuedate().asc().listPage(0, 1);
            if (due.isEmpty()) {
                return;
            }
            if (executed >= MAX_JOBS_AT_ONE_MOMENT) {
                throw new IllegalStateException(executed + " jobs at " + now() + " and still more: a timer that never stops?");
            }
            Job job = due.get(0);
            try {
                managementService.executeJob(job.getId());
            } catch (RuntimeException failure) {
                throw new AssertionError("job " + job.getId() + " of " + job.getProcessDefinitionKey() + " ("
                        + activityOf(job) + ") failed at " + now() + ": " + failure.getMessage(), failure);
            }
            jobsExecuted++;
            if (TASK_REMINDERS.equals(job.getProcessDefinitionKey())) {
                remindersLastRan = now();
            }
        }
    }

    private String activityOf(Job job) {
        return managementService.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).list().stream()
                .map(definition -> definition.getActivityId()).findFirst().orElse("?");
    }

    private Optional<Instant> nextTimer() {
        return managementService.createJobQuery().timers().active().withRetriesLeft()
                .duedateHigherThan(Date.from(now())).orderByJobDuedate().asc().listPage(0, 2).stream()
                .filter(job -> !TASK_REMINDERS.equals(job.getProcessDefinitionKey()))
                .map(job -> job.getDuedate().toInstant()).findFirst();
    }

    /** The quarter-hour on which the reminder cycle next has something to send, if any task has a due date. */
    private Optional<Instant> nextReminderRun() {
        Job cycle = managementService.createJobQuery().processDefinitionKey(TASK_REMINDERS).timers().singleResult();
        if (cycle == null) {
            return Optional.empty();
        }
        Instant tick = cycle.getDuedate().toInstant();
        return nextReminderMoment().map(moment -> {
            if (!moment.isAfter(tick)) {
                return tick;
            }
            long cycles = (Duration.between(tick, moment).toMillis() + REMINDER_CYCLE.toMillis() - 1) / REMINDER_CYCLE.toMillis();
            return tick.plus(REMINDER_CYCLE.multipliedBy(cycles));
        });
    }

    /**
     * The earliest moment after the reminder cycle last ran at which a task comes within a reminder
     * lead time of its due date, or passes it: what the cycle's next run would find.
     */
    private Optional<Instant> nextReminderMoment() {
        Instant earliest = null;
        for (Task task : taskService.createTaskQuery().active().list()) {
            if (task.getDueDate() == null) {
                continue;
            }
            Instant due = task.getDueDate().toInstant();
            Instant created = task.getCreateTime().toInstant();
            for (Duration lead : reminderLeadTimes) {
                earliest = earlierAfterLastRun(earliest, later(due.minus(lead), created).plusMillis(1));
            }
            earliest = earlierAfterLastRun(earliest, later(due, created).plusMillis(1));
        }
        return Optional.ofNullable(earliest);
    }

    private Instant earlierAfterLastRun(Instant earliest, Instant moment) {
        if (!moment.isAfter(remindersLastRan)) {
            return earliest;
        }
        return earliest == null || moment.isBefore(earliest) ? moment : earliest;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    @SafeVarargs
    private static Instant earliest(Instant target, Optional<Instant>... candidates) {
        Instant earliest = target;
        for (Optional<Instant> candidate : candidates) {
            if (candidate.isPresent() && candidate.get().isBefore(earliest)) {
                earliest = candidate.get();
            }
        }
        return earliest;
    }
}
