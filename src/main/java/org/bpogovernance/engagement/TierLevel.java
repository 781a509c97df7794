package org.bpogovernance.engagement;

/** The governance tiers of a BPO relationship, from daily operations to the boardroom. */
public enum TierLevel {
    OPERATIONAL, MANAGEMENT, EXECUTIVE
}
