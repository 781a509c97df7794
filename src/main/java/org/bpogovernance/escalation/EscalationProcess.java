package org.bpogovernance.escalation;

import org.bpogovernance.platform.ProcessVariable;

/** The escalation process (bpmn/escalation.bpmn): its key and variables. */
final class EscalationProcess {

    static final String KEY = "escalation";
    static final ProcessVariable<String> TRIGGER = ProcessVariable.of("escalationTrigger", String.class);
    static final ProcessVariable<String> SEVERITY = ProcessVariable.of("escalationSeverity", String.class);
    static final ProcessVariable<String> SUBJECT = ProcessVariable.of("escalationSubject", String.class);
    static final String RESOLUTION = "escalationResolution";
    static final String NOTE = "escalationNote";

    private EscalationProcess() {
    }
}
