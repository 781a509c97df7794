package org.bpogovernance.engagement;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** A tier of review calls: its level, how often it meets and for how long. */
@Embeddable
public class GovernanceTier {

    @Enumerated(EnumType.STRING)
    @Column(name = "tier", nullable = false)
    private TierLevel tier;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Cadence cadence;

    @Column(name = "meeting_minutes", nullable = false)
    private int meetingMinutes;

    protected GovernanceTier() {
    }

    public GovernanceTier(TierLevel tier, Cadence cadence, int meetingMinutes) {
        this.tier = tier;
        this.cadence = cadence;
        this.meetingMinutes = meetingMinutes;
    }

    public TierLevel getTier() {
        return tier;
    }

    public Cadence getCadence() {
        return cadence;
    }

    public int getMeetingMinutes() {
        return meetingMinutes;
    }

    @Override
    public String toString() {
        return tier + " " + cadence + " " + meetingMinutes + " min";
    }
}
