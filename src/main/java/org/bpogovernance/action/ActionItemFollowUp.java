package org.bpogovernance.action;

import static org.bpogovernance.engagement.EngagementVariables.ENGAGEMENT_ID;
import static org.bpogovernance.engagement.EngagementVariables.ENGAGEMENT_NAME;
import static org.bpogovernance.engagement.EngagementVariables.GOVERNANCE_OFFICER;

import org.bpogovernance.engagement.Engagement;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** The engine adapter of the action-item-follow-up process. */
@Component
class ActionItemFollowUp {

    private final RuntimeService runtimeService;

    ActionItemFollowUp(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    /** Starts the follow-up of an open item; returns the process instance id. */
    String start(Engagement engagement, String governanceOfficer, ActionItem item) {
        return runtimeService.createProcessInstanceByKey(ActionItemFollowUpProcess.KEY)
                .businessKey(engagement.getContractReference())
                .setVariable(ENGAGEMENT_ID.name(), engagement.getId())
                .setVariable(ENGAGEMENT_NAME.name(), engagement.getName())
                .setVariable(GOVERNANCE_OFFICER.name(), governanceOfficer)
                .setVariable(ActionItemFollowUpProcess.ACTION_ITEM_ID.name(), item.getId())
                .setVariable(ActionItemFollowUpProcess.OWNER.name(), item.getOwner())
                .setVariable(ActionItemFollowUpProcess.DUE.name(), item.getDueDate().atTime(17, 0)
                        .atZone(engagement.zone()).toOffsetDateTime().toString())
                .execute()
                .getId();
    }
}
