package org.bpogovernance.escalation;

import java.util.Set;
import org.bpogovernance.platform.ProcessVariable;

/** The escalation process (bpmn/escalation.bpmn): its key, variables and form fields. */
final class EscalationProcess {

    static final String KEY = "escalation";
    static final ProcessVariable<Long> ESCALATION_ID = ProcessVariable.of("escalationId", Long.class);
    /** Shown in Tasklist and the forms. */
    static final ProcessVariable<String> TRIGGER = ProcessVariable.of("escalationTrigger", String.class);
    static final ProcessVariable<String> SEVERITY = ProcessVariable.of("escalationSeverity", String.class);
    static final ProcessVariable<String> SUBJECT = ProcessVariable.of("escalationSubject", String.class);
    /** The level being worked: 1 first responders, 2 account and delivery managers, 3 steering committee. */
    static final ProcessVariable<Integer> LEVEL = ProcessVariable.of("escalationLevel", Integer.class);
    /** Comma-separated user ids and group ids of the level's task. */
    static final ProcessVariable<String> RESPONDERS = ProcessVariable.of("escalationResponders", String.class);
    static final ProcessVariable<String> GROUPS = ProcessVariable.of("escalationGroups", String.class);
    /** ISO date-time by which the level must respond, else the escalation moves up. */
    static final ProcessVariable<String> RESPONSE_DUE = ProcessVariable.of("responseDue", String.class);
    /** RESOLVED or ESCALATE, for the gateway. */
    static final ProcessVariable<String> OUTCOME = ProcessVariable.of("escalationOutcome", String.class);

    // Form fields
    static final String RESPONSE = "escalationResponse";
    static final String RESOLUTION = "escalationResolution";
    static final String NOTE = "escalationNote";
    static final String ACTION_PLAN = "actionPlan";
    static final String HISTORY = "escalationHistory";
    /** Read-only: true at the steering committee, where the form does not offer to pass it up. */
    static final String TOP_LEVEL = "topLevel";
    static final String CONTRACT_REFERENCE = "contractReference";
    /** The fields of the start form (forms/raise-escalation.form): all a person raising one by hand may give. */
    static final Set<String> START_FORM_FIELDS = Set.of(CONTRACT_REFERENCE, SUBJECT.name(), SEVERITY.name());

    private EscalationProcess() {
    }
}
