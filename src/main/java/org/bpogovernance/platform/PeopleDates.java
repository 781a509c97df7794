package org.bpogovernance.platform;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates and times as people write them, for every text a person reads (mails, invites, forms,
 * the timeline): "Thursday 10 December 2026, 10:00 (Europe/Berlin)", in the engagement's zone.
 */
public final class PeopleDates {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private PeopleDates() {
    }

    /** "Thursday 10 December 2026, 10:00 (Europe/Berlin)". */
    public static String dateTime(ZonedDateTime at) {
        return at.format(DAY) + ", " + at.format(TIME) + " (" + at.getZone().getId() + ")";
    }

    /** "Thursday 10 December 2026". */
    public static String date(LocalDate day) {
        return day.format(DAY);
    }
}
