package org.bpogovernance.reporting;

import java.time.Instant;
import java.util.List;

/**
 * What happened in an engagement, oldest first: phases and terms, review calls, sign-offs,
 * escalations and decisions, each with who and when, and the process instance that did it
 * ({@code processRunning}: whether Cockpit can still show it).
 */
public record Timeline(Long engagementId, String engagementName, List<Event> events) {

    public enum Category {
        LIFECYCLE, REVIEW, SIGN_OFF, ESCALATION, DECISION, ACTION
    }

    /** {@code action} and {@code category} are codes for programs; {@code title} and {@code summary} read in words. */
    public record Event(Instant at, Category category, String action, String title, String summary, String actor,
            String processInstanceId, boolean processRunning) {
    }
}
