package org.bpogovernance.renewal;

import org.bpogovernance.platform.ProcessVariable;

/** The renewal-review and engagement-exit processes and the renewal window of operational-governance. */
final class RenewalProcess {

    static final String KEY = "renewal-review";
    static final String EXIT_KEY = "engagement-exit";
    static final ProcessVariable<String> RENEWAL_WINDOW_OPENS_AT = ProcessVariable.of("renewalWindowOpensAt", String.class);
    /** The steering committee's decision, RENEW or EXIT; the lifecycle routes on it. */
    static final ProcessVariable<String> RENEWAL_DECISION = ProcessVariable.of("renewalDecision", String.class);
    static final String RENEWAL_RATIONALE = "renewalRationale";
    static final String HANDOVER_CONFIRMED = "handoverConfirmed";

    private RenewalProcess() {
    }
}
