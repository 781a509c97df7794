package org.bpogovernance.improvement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Put it before the tier": the people of the tier initiative-triage chose take the decision. */
@Component
class PutInitiativeToTierDelegate implements JavaDelegate {

    private final InitiativeService initiatives;

    PutInitiativeToTierDelegate(InitiativeService initiatives) {
        this.initiatives = initiatives;
    }

    @Override
    public void execute(DelegateExecution execution) {
        InitiativeProcess.DECIDERS.set(execution, String.join(",", initiatives.putToTier(
                InitiativeProcess.INITIATIVE_ID.required(execution), InitiativeProcess.TIER.required(execution))));
    }
}
