package org.bpogovernance.engagement;

/** Where an engagement stands in its lifecycle; the engagement-lifecycle process keeps it in step. */
public enum Phase {
    ONBOARDING, OPERATIONAL, RENEWAL, EXITING, CLOSED
}
