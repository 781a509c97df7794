package org.bpogovernance.partnership;

import java.util.LinkedHashMap;
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
            Map<String, Integer> ratings = new LinkedHashMap<>();
            for (String field : RelationshipHealthService.RATINGS) {
                ratings.put(field, FormValues.wholeNumber(field, FormValues.submitted(task, field)));
            }
            String respondent = RelationshipSurveyProcess.RESPONDENT.required(task);
            health.answer(RelationshipSurveyProcess.SURVEY_ID.required(task), respondent,
                    currentUser.id().orElse(task.getAssignee()), ratings,
                    FormValues.text(FormValues.submitted(task, RelationshipSurveyProcess.COMMENT)));
        });
    }
}
