package org.bpogovernance.partnership;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** "Rate the relationship" created: tells the person whom they answer for and about, and that no name is kept. */
@Component
class ShowSurveyTaskListener implements TaskListener {

    private final RelationshipHealthService health;

    ShowSurveyTaskListener(RelationshipHealthService health) {
        this.health = health;
    }

    @Override
    public void notify(DelegateTask task) {
        task.setVariableLocal(RelationshipSurveyProcess.INTRODUCTION, health.introduction(
                RelationshipSurveyProcess.SURVEY_ID.required(task), RelationshipSurveyProcess.RESPONDENT.required(task)));
    }
}
