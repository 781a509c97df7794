package org.bpogovernance.partnership;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Close the survey round": the round's index and the gap between the sides, and whether they put the relationship at risk. */
@Component
class CloseSurveyRoundDelegate implements JavaDelegate {

    private final RelationshipHealthService health;

    CloseSurveyRoundDelegate(RelationshipHealthService health) {
        this.health = health;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RelationshipSurveyProcess.AT_RISK.set(execution,
                health.close(RelationshipSurveyProcess.SURVEY_ID.required(execution)));
    }
}
