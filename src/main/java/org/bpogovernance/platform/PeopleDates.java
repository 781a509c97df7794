package org.bpogovernance.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates and times as people write them, in English: "Thursday 10 December 2026",
 * "Thursday 10 December 2026, 10:00 (Europe/Berlin)". Every text a person reads (forms, mails,
 * documents, the timeline) formats its dates here, in the engagement's time zone.
 */
public final class PeopleDates {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private PeopleDates() {
    }

    /** "Thursday 10 December 2026". */
    public static String day(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    /** "10 December 2026", for spans and lists where the weekday adds nothing. */
    public static String shortDay(LocalDate date) {
        return date == null ? "" : SHORT_DAY.format(date);
    }

    /** "Thursday 10 December 2026, 10:00 (Europe/Berlin)": a local time in the zone it was set in. */
    public static String dayAndTime(LocalDateTime local, ZoneId zone) {
        return local == null ? "" : DAY.format(local) + ", " + TIME.format(local) + " (" + zone.getId() + ")";
    }

    /** A moment as it was in the given zone: "Thursday 10 December 2026, 10:00 (Europe/Berlin)". */
    public static String dayAndTime(Instant moment, ZoneId zone) {
        return moment == null ? "" : dayAndTime(moment.atZone(zone).toLocalDateTime(), zone);
    }

    /** A zoned moment in its own zone. */
    public static String dayAndTime(ZonedDateTime moment) {
        return moment == null ? "" : dayAndTime(moment.toLocalDateTime(), moment.getZone());
    }

    /**
     * A moment of an engagement, for a mail: written in the engagement's zone, and also in the
     * reader's own where they have set a different one ({@link #forReader}).
     */
    public record Moment(ZonedDateTime at) {

        /**
         * "Friday 11 December 2026, 10:00 (Europe/Berlin); for you 14:30 (Asia/Kolkata)", or the first
         * part alone where the reader has no zone of their own or their clocks show the same time.
         */
        public String forReader(ZoneId reader) {
            ZonedDateTime theirs = reader == null ? at : at.withZoneSameInstant(reader);
            if (theirs.toLocalDateTime().equals(at.toLocalDateTime())) {
                return toString();
            }
            return dayAndTime(at) + "; for you " + (theirs.toLocalDate().equals(at.toLocalDate()) ? ""
                    : DAY.format(theirs) + ", ") + TIME.format(theirs) + " (" + reader.getId() + ")";
        }

        @Override
        public String toString() {
            return dayAndTime(at);
        }
    }

    /** "1 January 2026 to 31 December 2026". */
    public static String span(LocalDate from, LocalDate to) {
        return shortDay(from) + " to " + shortDay(to);
    }
}
