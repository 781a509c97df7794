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
    String start(Engagement engagement, String governanceOfficer, ActionItem item, java.time.Duration gracePeriod) {
        return runtimeService.createProcessInstanceByKey(ActionItemFollowUpProcess.KEY)
                .businessKey(engagement.getContractReference())
                .setVariable(ENGAGEMENT_ID.name(), engagement.getId())
                .setVariable(ENGAGEMENT_NAME.name(), engagement.getName())
                .setVariable(GOVERNANCE_OFFICER.name(), governanceOfficer)
                .setVariable(ActionItemFollowUpProcess.ACTION_ITEM_ID.name(), item.getId())
                .setVariable(ActionItemFollowUpProcess.OWNER.name(), item.getOwner())
                .setVariable(ActionItemFollowUpProcess.DUE.name(), dueAt(engagement, item.getDueDate()))
                .setVariable(ActionItemFollowUpProcess.GRACE_PERIOD.name(), gracePeriod.toString())
                .execute()
                .getId();
    }

    /** 17:00 on the due day in the engagement's time zone, as the task's due date and the overdue timer read it. */
    static String dueAt(Engagement engagement, java.time.LocalDate dueDate) {
        return dueDate.atTime(17, 0).atZone(engagement.zone()).toOffsetDateTime().toString();
    }

    /** Ends the follow-up of a cancelled item. */
    void end(String processInstanceId, String reason) {
        if (runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0) {
            runtimeService.deleteProcessInstance(processInstanceId, reason);
        }
    }
}
