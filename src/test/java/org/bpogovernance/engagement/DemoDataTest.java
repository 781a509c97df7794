package org.bpogovernance.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.bpogovernance.testing.RunningService;
import org.bpogovernance.testing.TestDatabase;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo a new user meets, started as the README's run command starts it: one engagement
 * mid-onboarding, one operational; created once, however often the service starts.
 */
@Tag("database")
@Tag("own-jvm")
@ExtendWith(TestDatabase.class)
class DemoDataTest {

    final String dataDir = "./target/test-data/demo-" + UUID.randomUUID();

    @Test
    void aNewUserFindsOneEngagementInOnboardingAndOneOperationalWithAReviewCallToPrepare() {
        for (int start = 1; start <= 2; start++) {
            // As the README's run command starts it: demo engagements and the job executor on.
            try (RunningService service = RunningService.start(dataDir, "--governance.demo.engagements=true",
                    "--camunda.bpm.job-execution.enabled=true")) {
                EngagementRepository engagements = service.bean(EngagementRepository.class);
                Engagement acme = engagements.findByContractReference(DemoEngagements.ONBOARDING_DEMO).orElseThrow();
                Engagement globex = engagements.findByContractReference(DemoEngagements.OPERATIONAL_DEMO).orElseThrow();
                assertThat(acme.getPhase()).isEqualTo(Phase.ONBOARDING);
                assertThat(globex.getPhase()).isEqualTo(Phase.OPERATIONAL);

                List<Task> acmeTasks = service.bean(TaskService.class).createTaskQuery()
                        .processInstanceBusinessKey(DemoEngagements.ONBOARDING_DEMO).list();
                assertThat(acmeTasks).extracting(Task::getName, Task::getAssignee)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("Agree service metrics and ways of working", "olivia"));
                RuntimeService runtime = service.bean(RuntimeService.class);
                assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("engagement-lifecycle")
                        .processInstanceBusinessKey(DemoEngagements.OPERATIONAL_DEMO).count()).as("start " + start).isOne();
                assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("operational-governance")
                        .processInstanceBusinessKey(DemoEngagements.OPERATIONAL_DEMO).count()).isOne();
                assertThat(service.bean(EngagementService.class).isStakeholder(globex.getId(), "sam")).isTrue();

                // Last month's review call of Globex waits for olivia, its draft agenda led by the exceptions.
                List<Task> globexTasks = service.bean(TaskService.class).createTaskQuery()
                        .processInstanceBusinessKey(DemoEngagements.OPERATIONAL_DEMO).taskAssignee("olivia").list();
                assertThat(globexTasks).extracting(Task::getName).as("start " + start).containsExactly("Prepare the agenda");
                String draft = String.valueOf(service.bean(TaskService.class).getVariableLocal(globexTasks.get(0).getId(),
                        "agendaItems"));
                assertThat(draft).contains("FTR First-time-right postings amber in ", "CLOSE Month-end close red in ",
                        "7.5 working days against a target of 5 working days",
                        "Open escalation: Month-end close (CLOSE) breached its threshold",
                        "Milestone at risk: Automate three-way matching");

                // Globex was onboarded by the seeding: nobody is invited to its kick-off, told its charter was just signed
                // or asked for the steps it did,
                // and its next call is not the kick-off
                JdbcTemplate jdbc = service.bean(JdbcTemplate.class);
                assertThat(jdbc.queryForList("select kind from notification_outbox where engagement_id = ? and "
                        + "(kind = 'meeting-invite' or kind = 'charter-signed' or kind = 'task-assigned' and (subject like '%ways of working%' "
                        + "or subject like '%takeholder%' or subject like '%harter%'))",
                        String.class, globex.getId())).as("start " + start).isEmpty();
                assertThat(jdbc.queryForList("select kind from notification_outbox where engagement_id = ?", String.class,
                        acme.getId())).as("Acme's kick-off is ahead: its invites stay").contains("meeting-invite");
                assertThat(jdbc.queryForList("select title from meeting where engagement_id = ? and status = 'SCHEDULED'",
                        String.class, globex.getId())).as("no kick-off left to come").noneMatch(title -> title.startsWith("Kick-off"));
            }
        }
    }
}
