package org.bpogovernance.action;

import org.bpogovernance.platform.ProcessVariable;

/** The action-item-follow-up process (bpmn/action-item-follow-up.bpmn): its key and variables. */
final class ActionItemFollowUpProcess {

    static final String KEY = "action-item-follow-up";
    static final ProcessVariable<Long> ACTION_ITEM_ID = ProcessVariable.of("actionItemId", Long.class);
    static final ProcessVariable<String> OWNER = ProcessVariable.of("actionOwner", String.class);
    /** The due date as an ISO date-time (17:00 on the due day in the engagement's time zone), for the task. */
    static final ProcessVariable<String> DUE = ProcessVariable.of("actionItemDue", String.class);
    /** Shown on the owner's task. */
    static final String DESCRIPTION = "actionItemDescription";
    static final String COMPLETION_NOTE = "completionNote";

    private ActionItemFollowUpProcess() {
    }
}
