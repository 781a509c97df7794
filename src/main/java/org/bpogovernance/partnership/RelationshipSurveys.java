package org.bpogovernance.partnership;

import static org.bpogovernance.engagement.EngagementVariables.ENGAGEMENT_ID;

import org.bpogovernance.engagement.EngagementService;
import org.bpogovernance.engagement.EngagementVariables;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * The engine adapter of the relationship survey: the operational phase's timer asks it for the
 * survey's rhythm ({@code ${relationshipSurveys.cycle(engagementId)}}) and starts a round through it.
 */
@Component("relationshipSurveys")
public class RelationshipSurveys {

    private final RuntimeService runtimeService;
    private final RelationshipHealthService health;
    private final EngagementService engagements;

    RelationshipSurveys(RuntimeService runtimeService, RelationshipHealthService health, EngagementService engagements) {
        this.runtimeService = runtimeService;
        this.health = health;
        this.engagements = engagements;
    }

    /** The timer cycle, as ISO 8601 (R/first/period). */
    public String cycle(Long engagementId) {
        return health.cycle(engagementId);
    }

    /** Starts a round of the engagement's survey; returns the instance id. */
    String start(Long engagementId) {
        return runtimeService.createProcessInstanceByKey(RelationshipSurveyProcess.KEY)
                .businessKey("relationship-survey:" + engagementId)
                .setVariable(ENGAGEMENT_ID.name(), engagementId)
                .setVariable(EngagementVariables.ENGAGEMENT_NAME.name(), engagements.forProcess(engagementId).getName())
                .execute().getId();
    }
}
