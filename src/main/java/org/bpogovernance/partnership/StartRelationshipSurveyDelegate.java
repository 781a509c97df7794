package org.bpogovernance.partnership;

import static org.bpogovernance.engagement.EngagementVariables.ENGAGEMENT_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Start the relationship survey": a round of the engagement's survey, as its own relationship-survey process. */
@Component
class StartRelationshipSurveyDelegate implements JavaDelegate {

    private final RelationshipSurveys surveys;

    StartRelationshipSurveyDelegate(RelationshipSurveys surveys) {
        this.surveys = surveys;
    }

    @Override
    public void execute(DelegateExecution execution) {
        surveys.start(ENGAGEMENT_ID.required(execution));
    }
}
