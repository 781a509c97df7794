package org.bpogovernance.engagement;

import static org.bpogovernance.engagement.EngagementVariables.ENGAGEMENT_ID;
import static org.bpogovernance.engagement.EngagementVariables.ENGAGEMENT_NAME;
import static org.bpogovernance.engagement.EngagementVariables.GOVERNANCE_OFFICER;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** The engine adapter of the engagement-lifecycle process. */
@Component
class EngagementLifecycle {

    private final RuntimeService runtimeService;

    EngagementLifecycle(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    /** Starts the lifecycle of a registered engagement; returns the process instance id. */
    String start(Engagement engagement, String governanceOfficer) {
        return runtimeService.createProcessInstanceByKey(EngagementLifecycleProcess.KEY)
                .businessKey(engagement.getContractReference())
                .setVariable(ENGAGEMENT_ID.name(), engagement.getId())
                .setVariable(ENGAGEMENT_NAME.name(), engagement.getName())
                .setVariable(GOVERNANCE_OFFICER.name(), governanceOfficer)
                .execute()
                .getId();
    }
}
