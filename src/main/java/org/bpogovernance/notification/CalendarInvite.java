package org.bpogovernance.notification;

/** An iCalendar object to attach to a mail: its text and its METHOD (REQUEST or CANCEL). */
public record CalendarInvite(String ics, String method) {
}
