package org.bpogovernance.engagement;

/** How often a governance tier meets. */
public enum Cadence {
    MONTHLY(1), QUARTERLY(3), HALF_YEARLY(6), YEARLY(12);

    private final int months;

    Cadence(int months) {
        this.months = months;
    }

    public int months() {
        return months;
    }
}
