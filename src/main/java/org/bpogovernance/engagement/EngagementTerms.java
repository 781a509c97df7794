package org.bpogovernance.engagement;

import java.time.LocalDate;
import java.util.List;

/** What an officer registers or changes about an engagement; checked by {@link EngagementRules}. */
public record EngagementTerms(
        String name,
        String client,
        String provider,
        String serviceScope,
        String contractReference,
        LocalDate termStart,
        LocalDate termEnd,
        int noticePeriodDays,
        String timeZone,
        String siteAddress,
        String remoteMeetingLink,
        List<GovernanceTier> tiers) {

    /** Typical tiers where none are given: monthly operational, quarterly management, half-yearly executive. */
    public static final List<GovernanceTier> DEFAULT_TIERS = List.of(
            new GovernanceTier(TierLevel.OPERATIONAL, Cadence.MONTHLY, 60),
            new GovernanceTier(TierLevel.MANAGEMENT, Cadence.QUARTERLY, 90),
            new GovernanceTier(TierLevel.EXECUTIVE, Cadence.HALF_YEARLY, 120));
}
