package org.bpogovernance.partnership;

import static org.bpogovernance.partnership.RelationshipSurveyProcess.ALIGNMENT;
import static org.bpogovernance.partnership.RelationshipSurveyProcess.COMMUNICATION;
import static org.bpogovernance.partnership.RelationshipSurveyProcess.GOVERNANCE;
import static org.bpogovernance.partnership.RelationshipSurveyProcess.INNOVATION;
import static org.bpogovernance.partnership.RelationshipSurveyProcess.PARTNERSHIP;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bpogovernance.platform.FormValues;
import org.bpogovernance.platform.UserInput;
import org.bpogovernance.security.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completing "Rate the relationship": the person's five ratings and comment, kept with their side only. */
@Component
class RecordSurveyAnswerTaskListener implements TaskListener {

    private final RelationshipHealthService health;
    private final CurrentUser currentUser;

    RecordSurveyAnswerTaskListener(RelationshipHealthService health, CurrentUser currentUser) {
        this.health = health;
        this.currentUser = currentUser;
    }

    @Override
    public void notify(DelegateTask task) {
        UserInput.check(() -> {
            // In the order of SurveyRatings: alignment, communication, partnership, innovation, governance.
            Map<String, Integer> ratings = new LinkedHashMap<>();
            for (String field : List.of(ALIGNMENT, COMMUNICATION, PARTNERSHIP, INNOVATION, GOVERNANCE)) {
                ratings.put(field, FormValues.wholeNumber(field, FormValues.submitted(task, field)));
            }
            String respondent = RelationshipSurveyProcess.RESPONDENT.required(task);
            health.answer(RelationshipSurveyProcess.SURVEY_ID.required(task), respondent,
                    currentUser.id().orElse(task.getAssignee()), ratings,
                    FormValues.text(FormValues.submitted(task, RelationshipSurveyProcess.COMMENT)));
        });
    }
}
