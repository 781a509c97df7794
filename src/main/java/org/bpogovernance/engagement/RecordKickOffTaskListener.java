package org.bpogovernance.engagement;

import static org.bpogovernance.engagement.EngagementVariables.ENGAGEMENT_ID;
import static org.bpogovernance.engagement.OnboardingProcess.KICK_OFF_DATE;
import static org.bpogovernance.engagement.OnboardingProcess.KICK_OFF_FORMAT;
import static org.bpogovernance.engagement.OnboardingProcess.KICK_OFF_LOCATION;
import static org.bpogovernance.engagement.OnboardingProcess.KICK_OFF_TIME;

import org.bpogovernance.platform.FormValues;
import org.bpogovernance.platform.UserInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completing "Schedule the kick-off" records when and where it takes place. */
@Component
class RecordKickOffTaskListener implements TaskListener {

    private final OnboardingService onboardingService;

    RecordKickOffTaskListener(OnboardingService onboardingService) {
        this.onboardingService = onboardingService;
    }

    @Override
    public void notify(DelegateTask task) {
        UserInput.check(() -> onboardingService.scheduleKickOff(ENGAGEMENT_ID.required(task),
                FormValues.date(KICK_OFF_DATE, task.getVariable(KICK_OFF_DATE)),
                FormValues.time(KICK_OFF_TIME, task.getVariable(KICK_OFF_TIME)),
                FormValues.text(task.getVariable(KICK_OFF_FORMAT)),
                FormValues.text(task.getVariable(KICK_OFF_LOCATION))));
        task.getExecution().removeVariables(OnboardingProcess.KICK_OFF_FIELDS);
    }
}
