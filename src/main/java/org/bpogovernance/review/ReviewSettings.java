package org.bpogovernance.review;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code governance.reviews.*}: when a review call's preparation starts, which date and time the
 * schedule form suggests, how long before the call participants must answer, the shortest notice, and how long a
 * scheduling poll stays open.
 */
@Validated
@ConfigurationProperties("governance.reviews")
record ReviewSettings(
        /** Preparation starts on the first day after the reviewed period, at this local time. */
        @NotNull @DefaultValue("09:00") LocalTime preparationStartsAt,
        /** The schedule form suggests the call this many days after preparation started. */
        @Min(1) @Max(60) @DefaultValue("10") int suggestedCallAfterDays,
        @NotNull @DefaultValue("10:00") LocalTime suggestedCallTime,
        /** Participants confirm or decline by this long before the call (at the latest half-way there). */
        @NotNull @DefaultValue("PT24H") Duration attendanceDeadlineBeforeCall,
        /** A call is scheduled at least this far ahead. */
        @NotNull @DefaultValue("PT15M") Duration minimumNotice,
        /** A scheduling poll takes answers this long (at the latest half-way to its earliest slot). */
        @NotNull @DefaultValue("P3D") Duration pollOpenFor) {
}
