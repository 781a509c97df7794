package org.bpogovernance.improvement;

import static org.bpogovernance.engagement.EngagementVariables.ENGAGEMENT_ID;

import org.bpogovernance.engagement.Engagement;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** The engine adapter of the improvement-initiative process. */
@Component
class InitiativePipeline {

    private final RuntimeService runtimeService;

    InitiativePipeline(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    /** Starts the initiative's process; returns the instance id. */
    String start(Engagement engagement, String governanceOfficer, Initiative initiative, String clientAssessor,
            String providerAssessor) {
        var start = runtimeService.createProcessInstanceByKey(InitiativeProcess.KEY)
                .businessKey(InitiativeProcess.businessKey(initiative))
                .setVariable(ENGAGEMENT_ID.name(), engagement.getId())
                .setVariable(InitiativeProcess.INITIATIVE_ID.name(), initiative.getId());
        InitiativeProcess.variables(engagement, governanceOfficer, initiative, clientAssessor, providerAssessor)
                .forEach(start::setVariable);
        return start.execute().getId();
    }
}
