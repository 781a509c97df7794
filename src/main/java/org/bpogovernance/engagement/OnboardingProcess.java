package org.bpogovernance.engagement;

import java.util.List;
import org.bpogovernance.platform.ProcessVariable;

/** The engagement-onboarding process (bpmn/engagement-onboarding.bpmn): its key and variables. */
final class OnboardingProcess {

    static final String KEY = "engagement-onboarding";

    static final ProcessVariable<String> OVERRUN_TIMER_CYCLE = ProcessVariable.of("onboardingOverrunCycle", String.class);
    static final ProcessVariable<String> CLIENT_SIGNER = ProcessVariable.of("clientSigner", String.class);
    static final ProcessVariable<String> PROVIDER_SIGNER = ProcessVariable.of("providerSigner", String.class);
    static final ProcessVariable<Boolean> CHARTER_APPROVED = ProcessVariable.of("charterApproved", Boolean.class);
    /** When onboarding may complete: the kick-off held and the term begun, whichever comes later. */
    static final ProcessVariable<String> OPERATIONS_BEGIN_AT = ProcessVariable.of("operationsBeginAt", String.class);
    static final ProcessVariable<Boolean> OPERATIONS_BEGIN_LATER = ProcessVariable.of("operationsBeginLater", Boolean.class);
    /** Local input of each signing task: CLIENT or PROVIDER. */
    static final ProcessVariable<String> CHARTER_SIDE = ProcessVariable.of("charterSide", String.class);

    /** Read-only text the forms show, set on the task when it is created. */
    static final ProcessVariable<String> CHARTER_TEXT = ProcessVariable.of("charterText", String.class);
    static final ProcessVariable<String> CHARTER_REJECTIONS = ProcessVariable.of("charterRejections", String.class);
    /** What changed in the charter since the round before; from the second round on. */
    static final ProcessVariable<String> CHARTER_CHANGES = ProcessVariable.of("charterChanges", String.class);
    static final ProcessVariable<String> STAKEHOLDER_MAP = ProcessVariable.of("stakeholderMap", String.class);

    /** Form fields; recorded in the domain tables, then removed from the process. */
    static final String KICK_OFF_DATE = "kickOffDate";
    static final String KICK_OFF_TIME = "kickOffTime";
    static final String KICK_OFF_FORMAT = "kickOffFormat";
    static final String KICK_OFF_LOCATION = "kickOffLocation";
    static final String COMMUNICATION_CHANNELS = "communicationChannels";
    static final String REPORTING_CADENCE = "reportingCadence";
    static final String ESCALATION_PROTOCOL = "escalationProtocol";
    static final String METRICS_NOTE = "metricsNote";
    static final String STAKEHOLDER_MAP_CONFIRMED = "stakeholderMapConfirmed";
    static final String CHARTER_DECISION = "charterDecision";
    static final String CHARTER_REJECTION_REASON = "charterRejectionReason";
    static final String REWORK_NOTE = "reworkNote";

    static final List<String> KICK_OFF_FIELDS = List.of(KICK_OFF_DATE, KICK_OFF_TIME, KICK_OFF_FORMAT, KICK_OFF_LOCATION);
    static final List<String> WAYS_OF_WORKING_FIELDS = List.of(COMMUNICATION_CHANNELS, REPORTING_CADENCE,
            ESCALATION_PROTOCOL, METRICS_NOTE);

    private OnboardingProcess() {
    }
}
