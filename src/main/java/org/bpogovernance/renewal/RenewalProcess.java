package org.bpogovernance.renewal;

import org.bpogovernance.platform.ProcessVariable;

/**
 * The renewal-review and engagement-exit processes (bpmn/renewal-review.bpmn,
 * bpmn/engagement-exit.bpmn) and the renewal window of operational-governance: keys, variables
 * and form fields.
 */
final class RenewalProcess {

    static final String KEY = "renewal-review";
    static final String EXIT_KEY = "engagement-exit";
    static final ProcessVariable<String> RENEWAL_WINDOW_OPENS_AT = ProcessVariable.of("renewalWindowOpensAt", String.class);

    // renewal-review
    static final ProcessVariable<Long> RENEWAL_REVIEW_ID = ProcessVariable.of("renewalReviewId", Long.class);
    /** RENEW, RENEGOTIATE or EXIT as decided; RENEW once a renegotiated term is signed. The lifecycle routes on it. */
    static final ProcessVariable<String> RENEWAL_DECISION = ProcessVariable.of("renewalDecision", String.class);
    /** What the renewal-recommendation table recommended, shown in Cockpit. */
    static final ProcessVariable<String> RECOMMENDATION = ProcessVariable.of("renewalRecommendation", String.class);
    /** Comma-separated user ids of the steering committee: the engagement's executive sponsors and officer. */
    static final ProcessVariable<String> DECIDERS = ProcessVariable.of("renewalDeciders", String.class);
    /** ISO date-time of the notice date (09:00 local): undecided by then, the renewal is escalated. */
    static final ProcessVariable<String> NOTICE_DATE_AT = ProcessVariable.of("noticeDateAt", String.class);
    /** Midnight after the term's last day: an undecided renewal lapses then. */
    static final ProcessVariable<String> TERM_ENDS_AT = ProcessVariable.of("termEndsAt", String.class);
    /** ISO date-time of the next renewal alert; null when none is left. */
    static final ProcessVariable<String> NEXT_ALERT_AT = ProcessVariable.of("nextRenewalAlertAt", String.class);
    static final String AMENDMENT_SIGNERS = "amendmentSigners";
    static final ProcessVariable<Boolean> AMENDMENT_SIGNED = ProcessVariable.of("amendmentSigned", Boolean.class);

    // engagement-exit
    static final String EXIT_ITEM_IDS = "exitItemIds";
    static final ProcessVariable<Long> EXIT_ITEM_ID = ProcessVariable.of("exitItemId", Long.class);
    static final String EXIT_SIGNERS = "exitSigners";
    static final ProcessVariable<String> SIGNER = ProcessVariable.of("signer", String.class);
    static final ProcessVariable<Boolean> EXIT_SIGNED = ProcessVariable.of("exitSigned", Boolean.class);

    // Form fields
    static final String DECISION_FIELD = "renewalDecision";
    static final String RENEWAL_RATIONALE = "renewalRationale";
    static final String TERM_SUMMARY = "termSummary";
    static final String RECOMMENDATION_TEXT = "recommendationText";
    static final String NEW_TERM_START = "newTermStart";
    static final String NEW_TERM_END = "newTermEnd";
    static final String NEW_NOTICE_PERIOD_DAYS = "newNoticePeriodDays";
    static final String METRIC_CHANGES = "metricChanges";
    static final String AMENDMENT = "amendment";
    static final String AMENDMENT_TEXT = "amendmentText";
    static final String REJECTIONS = "rejections";
    static final String SIGN_OFF_DECISION = "signOffDecision";
    static final String SIGN_OFF_REASON = "signOffReason";
    static final String EXIT_PLAN = "exitPlan";
    static final String EXIT_PLAN_TEXT = "exitPlanText";
    static final String EXIT_ITEM_TEXT = "exitItemText";
    static final String EXIT_ITEM_NOTE = "exitItemNote";
    /** The first version's exit task. */
    static final String HANDOVER_CONFIRMED = "handoverConfirmed";

    private RenewalProcess() {
    }
}
