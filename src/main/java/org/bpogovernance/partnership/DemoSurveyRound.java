package org.bpogovernance.partnership;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bpogovernance.engagement.DemoEngagements;
import org.bpogovernance.engagement.Engagement;
import org.bpogovernance.engagement.EngagementService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives the operational demo engagement one relationship survey round, done: clara and sam for the
 * client, peter for the provider. Left alone once the engagement has a round.
 */
@Component
@Order(6)
@ConditionalOnProperty(name = "governance.demo.engagements", havingValue = "true")
class DemoSurveyRound implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSurveyRound.class);

    private final EngagementService engagements;
    private final RelationshipSurveys surveys;
    private final RelationshipSurveyRepository rounds;
    private final TaskService taskService;
    private final ManagementService managementService;

    DemoSurveyRound(EngagementService engagements, RelationshipSurveys surveys, RelationshipSurveyRepository rounds,
            TaskService taskService, ManagementService managementService) {
        this.engagements = engagements;
        this.surveys = surveys;
        this.rounds = rounds;
        this.taskService = taskService;
        this.managementService = managementService;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        Engagement globex = engagements.forProcess(DemoEngagements.OPERATIONAL_DEMO).orElse(null);
        if (globex == null || !rounds.findByEngagementIdOrderByRoundNumberAsc(globex.getId()).isEmpty()) {
            return;
        }
        String instance = surveys.start(globex.getId());
        answer(instance, "clara", 4, 3, 4, 4, 4, "Month-end figures arrive on time; exceptions could be raised earlier");
        answer(instance, "sam", 4, 4, 4, 3, 4, null);
        answer(instance, "peter", 4, 3, 4, 3, 4, "We would like to hear about changes in Globex's ERP plans sooner");
        // The answers' continuations and the round's close run here, in the seeding's transaction.
        for (List<Job> due = continuations(instance); !due.isEmpty(); due = continuations(instance)) {
            due.forEach(job -> managementService.executeJob(job.getId()));
        }
        log.info("Demo engagement {} has one relationship survey round done", DemoEngagements.OPERATIONAL_DEMO);
    }

    private List<Job> continuations(String instance) {
        return managementService.createJobQuery().processInstanceId(instance).messages().list();
    }

    private void answer(String instance, String user, int alignment, int communication, int partnership, int innovation,
            int governance, String comment) {
        var task = taskService.createTaskQuery().processInstanceId(instance).taskAssignee(user).singleResult();
        Map<String, Object> answers = new LinkedHashMap<>();
        answers.put(RelationshipSurveyProcess.ALIGNMENT, alignment);
        answers.put(RelationshipSurveyProcess.COMMUNICATION, communication);
        answers.put(RelationshipSurveyProcess.PARTNERSHIP, partnership);
        answers.put(RelationshipSurveyProcess.INNOVATION, innovation);
        answers.put(RelationshipSurveyProcess.GOVERNANCE, governance);
        if (comment != null) {
            answers.put(RelationshipSurveyProcess.COMMENT, comment);
        }
        taskService.complete(task.getId(), answers);
    }
}
