package org.bpogovernance.improvement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Celebrate the shared achievement": everyone on the engagement hears what the pilot achieved. */
@Component
class AnnounceSharedAchievementDelegate implements JavaDelegate {

    private final InitiativeService initiatives;

    AnnounceSharedAchievementDelegate(InitiativeService initiatives) {
        this.initiatives = initiatives;
    }

    @Override
    public void execute(DelegateExecution execution) {
        initiatives.announceAdoption(InitiativeProcess.INITIATIVE_ID.required(execution));
    }
}
