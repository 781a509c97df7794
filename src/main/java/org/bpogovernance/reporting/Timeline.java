package org.bpogovernance.reporting;

import java.time.Instant;
import java.util.List;

/**
 * What happened in an engagement, oldest first: phases and terms, review calls, sign-offs,
 * escalations and decisions, each with who and when, and the process instance that did it
 * ({@code processRunning}: whether Cockpit can still show it), and the document it produced, if any
 * ({@code document}: the signed charter, signed minutes or term summary as PDF, under /api).
 */
public record Timeline(Long engagementId, String engagementName, List<Event> events) {

    public enum Category {
        LIFECYCLE, REVIEW, SIGN_OFF, ESCALATION, DECISION, ACTION, IMPROVEMENT, PARTNERSHIP
    }

    /**
     * {@code action} and {@code category} are codes for programs; {@code title} and {@code summary}
     * read in words; {@code document} is the address of the document the entry produced, if any.
     */
    public record Event(Instant at, Category category, String action, String title, String summary, String actor,
            String processInstanceId, boolean processRunning, String document) {
    }
}
