package org.bpogovernance.action;

import org.bpogovernance.platform.ProcessVariable;

/** The action-item-follow-up process (bpmn/action-item-follow-up.bpmn): its key and variables. */
final class ActionItemFollowUpProcess {

    static final String KEY = "action-item-follow-up";
    static final ProcessVariable<Long> ACTION_ITEM_ID = ProcessVariable.of("actionItemId", Long.class);
    static final ProcessVariable<String> OWNER = ProcessVariable.of("actionOwner", String.class);
    /** The due date as an ISO date-time (17:00 on the due day in the engagement's time zone), for the task. */
    static final ProcessVariable<String> DUE = ProcessVariable.of("actionItemDue", String.class);
    /** How long after the due date the escalation contact has before an escalation starts (ISO duration). */
    static final ProcessVariable<String> GRACE_PERIOD = ProcessVariable.of("overdueGracePeriod", String.class);
    /** The owner's choice, for the gateway: DONE, or EXTEND (asks for a new due date). */
    static final ProcessVariable<String> OUTCOME = ProcessVariable.of("actionOutcome", String.class);
    /** The form field the owner chooses with; the listener copies it to {@link #OUTCOME}. */
    static final String OUTCOME_FIELD = "actionItemOutcome";
    /** Shown on the owner's task. */
    static final String DESCRIPTION = "actionItemDescription";
    static final String COMPLETION_NOTE = "completionNote";
    static final String NEW_DUE_DATE = "newDueDate";
    static final String EXTENSION_REASON = "extensionReason";
    /** Read-only on the officer's task: what the owner asked for. */
    static final String EXTENSION_REQUEST = "extensionRequest";
    static final String EXTENSION_DECISION = "extensionDecision";
    static final String EXTENSION_NOTE = "extensionNote";

    private ActionItemFollowUpProcess() {
    }
}
