package org.bpogovernance.partnership;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Put the relationship on the next management call's agenda": records that the round asks for it;
 * the agenda of the next management or executive call draws it when drafted.
 */
@Component
class PutRelationshipOnAgendaDelegate implements JavaDelegate {

    private final RelationshipHealthService health;

    PutRelationshipOnAgendaDelegate(RelationshipHealthService health) {
        this.health = health;
    }

    @Override
    public void execute(DelegateExecution execution) {
        health.flagAtRisk(RelationshipSurveyProcess.SURVEY_ID.required(execution));
    }
}
