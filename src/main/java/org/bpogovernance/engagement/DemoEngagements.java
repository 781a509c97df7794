package org.bpogovernance.engagement;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Two demo engagements, so a new user sees work at once: one mid-onboarding (its officer's
 * next task is open) and one onboarded into the operational phase. Only while
 * {@code governance.demo.engagements} (which follows {@code governance.demo.enabled}); an engagement whose contract reference exists is left alone.
 */
@Component
@Order(3)
@ConditionalOnProperty(name = "governance.demo.engagements", havingValue = "true")
public class DemoEngagements implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoEngagements.class);
    public static final String ONBOARDING_DEMO = "DEMO-ACME-CLAIMS";
    public static final String OPERATIONAL_DEMO = "DEMO-GLOBEX-FINANCE";

    private final EngagementService engagementService;
    private final EngagementRepository engagements;
    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final ApplicationEventPublisher events;

    /**
     * The seeding did an engagement's onboarding steps itself, in this transaction: its kick-off
     * is as good as held, and nobody is to be invited to it or asked for the work already done.
     */
    public record OnboardedBySeeding(Long engagementId) {
    }

    DemoEngagements(EngagementService engagementService, EngagementRepository engagements, TaskService taskService,
            RuntimeService runtimeService, ManagementService managementService, ApplicationEventPublisher events) {
        this.events = events;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.engagementService = engagementService;
        this.engagements = engagements;
        this.taskService = taskService;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        LocalDate today = LocalDate.now();
        if (engagements.findByContractReference(ONBOARDING_DEMO).isEmpty()) {
            Engagement acme = register(ONBOARDING_DEMO, "Acme claims processing", "Acme Insurance", "Northwind BPO",
                    "First notice of loss, claims triage and settlement support for motor and home insurance",
                    today.withDayOfMonth(1).plusMonths(1), today.withDayOfMonth(1).plusMonths(1).plusYears(3).minusDays(1));
            complete(acme, "userTask_scheduleKickOff", kickOff(today));
            log.info("Demo engagement {} is in onboarding, waiting for olivia to agree the ways of working", ONBOARDING_DEMO);
        }
        if (engagements.findByContractReference(OPERATIONAL_DEMO).isEmpty()) {
            Engagement globex = register(OPERATIONAL_DEMO, "Globex finance and accounting", "Globex Corporation",
                    "Northwind BPO", "Accounts payable, accounts receivable and month-end close",
                    LocalDate.of(today.getYear(), 1, 1), LocalDate.of(today.getYear() + 2, 12, 31));
            complete(globex, "userTask_scheduleKickOff", kickOff(today));
            complete(globex, "userTask_agreeWaysOfWorking", Map.of(
                    OnboardingProcess.COMMUNICATION_CHANNELS, List.of("EMAIL", "VIDEO", "TICKETING"),
                    OnboardingProcess.REPORTING_CADENCE, "MONTHLY",
                    OnboardingProcess.ESCALATION_PROTOCOL, "Project lead within 2 working days, then the delivery managers, then the steering committee",
                    OnboardingProcess.METRICS_NOTE, "Invoice processing time, first-time-right rate, close on working day 5"));
            complete(globex, "userTask_confirmStakeholderMap", Map.of(OnboardingProcess.STAKEHOLDER_MAP_CONFIRMED, true));
            complete(globex, "userTask_signCharterAsClient", Map.of(OnboardingProcess.CHARTER_DECISION, "APPROVE"));
            complete(globex, "userTask_signCharterAsProvider", Map.of(OnboardingProcess.CHARTER_DECISION, "APPROVE"));
            operationsBegun(globex);
            // after the continuations, which send the charter-signed mails of the signatures above
            events.publishEvent(new OnboardedBySeeding(globex.getId()));
            log.info("Demo engagement {} is onboarded and operational", OPERATIONAL_DEMO);
        }
    }

    private Engagement register(String reference, String name, String client, String provider, String scope,
            LocalDate termStart, LocalDate termEnd) {
        Engagement engagement = engagementService.register(new EngagementRequest(name, client, provider, scope,
                reference, termStart, termEnd, 90, "Europe/Berlin", client + " headquarters, Berlin",
                "https://meet.example.org/" + reference.toLowerCase(), null, "clara", "peter", "olivia", null));
        engagementService.addStakeholder(engagement.getId(),
                new StakeholderRequest("sam", Side.CLIENT, StakeholderRole.EXECUTIVE_SPONSOR, 3));
        return engagement;
    }

    private Map<String, Object> kickOff(LocalDate today) {
        return Map.of(OnboardingProcess.KICK_OFF_DATE, today.plusDays(7).toString(),
                OnboardingProcess.KICK_OFF_TIME, LocalTime.of(10, 0).toString(),
                OnboardingProcess.KICK_OFF_FORMAT, "HYBRID");
    }

    /**
     * Globex has run since January: its kick-off is as good as held. Its continuations run here
     * rather than in the job executor, and its "kick-off held and term begun" timer fires now, so
     * the demo opens operational.
     */
    private void operationsBegun(Engagement engagement) {
        for (int round = 0; round < 10; round++) {
            List<String> due = runtimeService.createProcessInstanceQuery()
                    .processInstanceBusinessKey(engagement.getContractReference()).list().stream()
                    .flatMap(instance -> Stream.concat(
                            managementService.createJobQuery().processInstanceId(instance.getId()).messages().list().stream(),
                            managementService.createJobQuery().processInstanceId(instance.getId())
                                    .activityId("timer_operationsBegin").list().stream()))
                    .map(Job::getId).toList();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(managementService::executeJob);
        }
    }

    private void complete(Engagement engagement, String taskKey, Map<String, Object> variables) {
        var task = taskService.createTaskQuery().processInstanceBusinessKey(engagement.getContractReference())
                .taskDefinitionKey(taskKey).singleResult();
        taskService.complete(task.getId(), variables);
    }
}
