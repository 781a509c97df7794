package org.bpogovernance.partnership;

import static org.bpogovernance.engagement.EngagementVariables.ENGAGEMENT_ID;

import org.bpogovernance.platform.ProcessVariable;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Open the survey round": records the round and whom it asks, and when it closes. */
@Component
class OpenSurveyRoundDelegate implements JavaDelegate {

    private final RelationshipHealthService health;

    OpenSurveyRoundDelegate(RelationshipHealthService health) {
        this.health = health;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var opened = health.open(ENGAGEMENT_ID.required(execution), execution.getProcessInstanceId());
        RelationshipSurveyProcess.SURVEY_ID.set(execution, opened.survey().getId());
        execution.setVariable(RelationshipSurveyProcess.RESPONDENTS, ProcessVariable.list(opened.respondents()));
        RelationshipSurveyProcess.CLOSES_AT.set(execution, opened.survey().getClosesAt().toString());
    }
}
