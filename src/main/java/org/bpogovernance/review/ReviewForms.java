package org.bpogovernance.review;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bpogovernance.platform.FormLines;
import org.bpogovernance.platform.FormValues;
import org.bpogovernance.platform.InvalidInputException.Violation;
import org.bpogovernance.platform.InvalidInputException;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * The lists of the review forms — agenda items, attendance, milestone status, action items — as
 * Tasklist submits them: text, one entry per line, columns separated by {@code |} (see
 * {@link FormLines}); or, from API clients of {@code /engine-rest}, a JSON list of objects. A value
 * of the wrong shape names its line; every such line is listed, and the line is kept with that
 * column empty so the entries stay in step with the lines.
 */
final class ReviewForms {

    /** The entries, the text lines they came from (null for a JSON list), and the lines that could not be read. */
    record Parsed<T>(List<T> entries, List<Integer> lineNumbers, List<Violation> unreadable) {
    }

    private ReviewForms() {
    }

    /** {@code minutes | owner | item} */
    static Parsed<ReviewService.AgendaLine> agenda(Object value) {
        return read(ReviewCallProcess.AGENDA_ITEMS, value, 3,
                (row, where, bad) -> new ReviewService.AgendaLine(row[2], row[1], number(where, "minutes", row[0], bad), null),
                (row, where, bad) -> new ReviewService.AgendaLine(text(row.get("title")), text(row.get("owner")),
                        FormValues.wholeNumberOrNull(where + ".timeboxMinutes", row.get("timeboxMinutes")), text(row.get("source"))));
    }

    static String agendaText(List<ReviewService.AgendaLine> lines) {
        return FormLines.format(lines.stream().map(l -> List.<Object>of(l.timeboxMinutes(), l.owner(), l.title())).toList());
    }

    /** {@code user | ON_SITE, REMOTE or ABSENT | anything else (ignored)} */
    static Parsed<MinutesService.PresenceLine> presence(Object value) {
        return read(ReviewCallProcess.ATTENDANCE, value, 3,
                (row, where, bad) -> new MinutesService.PresenceLine(row[0], null, null, row[1]),
                (row, where, bad) -> new MinutesService.PresenceLine(text(row.get("user")), text(row.get("name")),
                        text(row.get("response")), text(row.get("attendance"))));
    }

    static String presenceText(List<MinutesService.PresenceLine> lines) {
        return FormLines.format(lines.stream().map(l -> List.<Object>of(l.user(), l.attendance() == null ? "" : l.attendance(),
                l.name() + ", answered " + l.response())).toList());
    }

    /** {@code milestone no. | status | title (ignored)} */
    static Parsed<MilestoneService.StatusUpdate> milestoneUpdates(Object value) {
        return read(ReviewCallProcess.MILESTONE_UPDATES, value, 3,
                (row, where, bad) -> new MilestoneService.StatusUpdate(id(where, row[0], bad), status(where, row[1], bad)),
                (row, where, bad) -> {
                    Integer id = FormValues.wholeNumberOrNull(where + ".id", row.get("id"));
                    return new MilestoneService.StatusUpdate(id == null ? null : id.longValue(),
                            status(where, text(row.get("status")), bad));
                });
    }

    static String milestoneText(List<MinutesService.MilestoneLine> lines) {
        return FormLines.format(lines.stream().map(l -> List.<Object>of(l.id(), l.status(), l.title() + " (due "
                + l.dueDate() + ")")).toList());
    }

    /** {@code due date yyyy-mm-dd | owner | action} */
    static Parsed<MinutesService.ActionLine> actions(Object value) {
        return read(ReviewCallProcess.ACTION_ITEMS, value, 3,
                (row, where, bad) -> new MinutesService.ActionLine(row[2], row[1], date(where, row[0], bad)),
                (row, where, bad) -> new MinutesService.ActionLine(text(row.get("description")), text(row.get("owner")),
                        FormValues.date(where + ".dueDate", row.get("dueDate"))));
    }

    static String actionText(List<MinutesService.ActionLine> lines) {
        return FormLines.format(lines.stream().map(l -> List.<Object>of(l.dueDate(), l.owner(), l.description())).toList());
    }

    /** {@code user | hours | cost} */
    static Parsed<OnSiteVisits.TravelLine> travel(Object value) {
        return read(ReviewCallProcess.TRAVEL, value, 3,
                (row, where, bad) -> new OnSiteVisits.TravelLine(row[0], decimal(where, "hours", row[1], bad),
                        decimal(where, "cost", row[2], bad)),
                (row, where, bad) -> new OnSiteVisits.TravelLine(text(row.get("user")),
                        decimal(where, "hours", text(row.get("hours")), bad), decimal(where, "cost", text(row.get("cost")), bad)));
    }

    private static java.math.BigDecimal decimal(String where, String column, String value, List<Violation> unreadable) {
        try {
            return value == null ? null : new java.math.BigDecimal(value.trim().replace(',', '.'));
        } catch (NumberFormatException notANumber) {
            unreadable.add(new Violation(where, column + ": '" + value + "' is not a number"));
            return null;
        }
    }

    static MinutesText text(DelegateTask task) {
        return new MinutesText(FormValues.text(FormValues.submitted(task, ReviewCallProcess.MINUTES)),
                FormValues.text(FormValues.submitted(task, ReviewCallProcess.DECISIONS)),
                FormValues.text(FormValues.submitted(task, ReviewCallProcess.SUCCESSES)),
                FormValues.text(FormValues.submitted(task, ReviewCallProcess.LESSONS_LEARNED)),
                FormValues.text(FormValues.submitted(task, ReviewCallProcess.RISKS)));
    }

    /** Errors about {@code list[i].column} named as the line of the text area, for every parsed list. */
    static Map<String, List<Integer>> lines(Map<String, Parsed<?>> lists) {
        Map<String, List<Integer>> numbers = new java.util.HashMap<>();
        lists.forEach((list, parsed) -> {
            if (parsed.lineNumbers() != null) {
                numbers.put(list, parsed.lineNumbers());
            }
        });
        return numbers;
    }

    /** The lines that could not be read, of every parsed list. */
    static List<Violation> unreadable(List<Parsed<?>> lists) {
        return lists.stream().flatMap(parsed -> parsed.unreadable().stream()).toList();
    }

    private interface Reader<S, T> {
        T read(S row, String where, List<Violation> unreadable);
    }

    private static <T> Parsed<T> read(String field, Object value, int columns, Reader<String[], T> fromLine,
            Reader<Map<String, Object>, T> fromJson) {
        List<T> entries = new ArrayList<>();
        if (value == null || value instanceof String text && !text.trim().startsWith("[")) {
            FormLines.Parsed parsed = FormLines.parse((String) value, columns);
            List<Violation> unreadable = new ArrayList<>();
            for (int i = 0; i < parsed.entries().size(); i++) {
                entries.add(fromLine.read(parsed.entries().get(i), field + " line " + parsed.lineNumbers().get(i), unreadable));
            }
            return new Parsed<>(entries, parsed.lineNumbers(), unreadable);
        }
        List<Map<String, Object>> rows = FormValues.records(field, value);
        List<Violation> unreadable = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            entries.add(fromJson.read(rows.get(i), field + "[" + i + "]", unreadable));
        }
        if (!unreadable.isEmpty()) {
            throw new InvalidInputException(unreadable);
        }
        return new Parsed<>(entries, null, List.of());
    }

    private static Integer number(String where, String column, String value, List<Violation> unreadable) {
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException notANumber) {
            unreadable.add(new Violation(where, column + ": '" + value + "' is not a whole number of minutes"));
            return null;
        }
    }

    private static Long id(String where, String value, List<Violation> unreadable) {
        try {
            return value == null ? null : Long.valueOf(value);
        } catch (NumberFormatException notANumber) {
            unreadable.add(new Violation(where, "no.: '" + value + "' is not a milestone number"));
            return null;
        }
    }

    private static Milestone.Status status(String where, String value, List<Violation> unreadable) {
        try {
            return value == null ? null : Milestone.Status.valueOf(value.trim().toUpperCase().replace(' ', '_'));
        } catch (IllegalArgumentException unknown) {
            unreadable.add(new Violation(where, "status: '" + value + "' must be one of " + List.of(Milestone.Status.values())));
            return null;
        }
    }

    private static LocalDate date(String where, String value, List<Violation> unreadable) {
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException notADate) {
            unreadable.add(new Violation(where, "due date: '" + value + "' is not a date (yyyy-mm-dd)"));
            return null;
        }
    }

    private static String text(Object value) {
        return FormValues.text(value);
    }
}
