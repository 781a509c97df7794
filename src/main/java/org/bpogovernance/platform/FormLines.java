package org.bpogovernance.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.bpogovernance.platform.InvalidInputException.Violation;

/**
 * Lists in a form's text area, one entry per line, columns separated by {@code |}
 * ({@code 5 | olivia | Welcome and objectives}). Camunda 7.24's Tasklist cannot submit form-js
 * dynamic lists (it counts an empty error list per list field as an error, so "Complete" stays
 * disabled), so the forms use text areas; blank lines are skipped and errors name the line as the
 * person sees it.
 */
public final class FormLines {

    /** The entries of a text area: each one's columns, and the line it stood on (1-based). */
    public record Parsed(List<String[]> entries, List<Integer> lineNumbers) {
    }

    private static final Pattern INDEXED = Pattern.compile("^(.+)\\[(\\d+)](?:\\.(.+))?$");

    private FormLines() {
    }

    /** Splits each non-blank line into at most {@code columns} trimmed columns; missing ones are null. */
    public static Parsed parse(String text, int columns) {
        List<String[]> entries = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        if (text == null) {
            return new Parsed(entries, numbers);
        }
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] parts = lines[i].split("\\|", columns);
            String[] row = new String[columns];
            for (int c = 0; c < columns; c++) {
                row[c] = c < parts.length && !parts[c].isBlank() ? parts[c].trim() : null;
            }
            entries.add(row);
            numbers.add(i + 1);
        }
        return new Parsed(entries, numbers);
    }

    /** The lines of a list, one entry per line, columns joined with {@code " | "}, for a form to show and edit. */
    public static String format(List<List<Object>> rows) {
        StringBuilder text = new StringBuilder();
        for (List<Object> row : rows) {
            text.append(String.join(" | ", row.stream().map(value -> value == null ? "" : value.toString()).toList()))
                    .append('\n');
        }
        return text.toString();
    }

    /**
     * Runs the call; its errors about {@code list[2].owner} come back as {@code list line 3} with
     * "owner: ..." when the list came from the text area's lines (given per list), unchanged otherwise.
     */
    public static <T> T namingLines(Map<String, List<Integer>> lineNumbersByList, Supplier<T> call) {
        try {
            return call.get();
        } catch (InvalidInputException invalid) {
            List<Violation> renamed = new ArrayList<>();
            for (Violation violation : invalid.violations()) {
                renamed.add(rename(violation, lineNumbersByList));
            }
            throw renamed.equals(invalid.violations()) ? invalid : new InvalidInputException(renamed);
        }
    }

    /**
     * Like {@link #namingLines(Map, Supplier)}, when some lines could not be read ({@code unreadable},
     * each naming its line): the call still runs, on what could be read, so that one refusal names
     * every bad line and field, not the first only; what it wrote rolls back with the refusal (it
     * runs in the task's transaction). A line that could not be read is named for that alone.
     */
    public static <T> T namingLines(Map<String, List<Integer>> lineNumbersByList, List<Violation> unreadable,
            Supplier<T> call) {
        if (unreadable.isEmpty()) {
            return namingLines(lineNumbersByList, call);
        }
        Set<String> unreadableLines = unreadable.stream().map(Violation::field).collect(Collectors.toSet());
        List<Violation> violations = new ArrayList<>(unreadable);
        try {
            namingLines(lineNumbersByList, call);
        } catch (InvalidInputException invalid) {
            invalid.violations().stream().filter(v -> !unreadableLines.contains(v.field())).forEach(violations::add);
        }
        throw new InvalidInputException(violations);
    }

    private static Violation rename(Violation violation, Map<String, List<Integer>> lineNumbersByList) {
        Matcher matcher = INDEXED.matcher(violation.field());
        if (!matcher.matches()) {
            return violation;
        }
        List<Integer> numbers = lineNumbersByList.get(matcher.group(1));
        int index = Integer.parseInt(matcher.group(2));
        if (numbers == null || index >= numbers.size()) {
            return violation;
        }
        String column = matcher.group(3);
        return new Violation(matcher.group(1) + " line " + numbers.get(index),
                column == null ? violation.message() : column + ": " + violation.message());
    }

    /** For a single list. */
    public static <T> T namingLines(String list, List<Integer> lineNumbers, Supplier<T> call) {
        return lineNumbers == null ? call.get() : namingLines(Map.of(list, lineNumbers), call);
    }

    /** For a single list with lines that could not be read. */
    public static <T> T namingLines(String list, List<Integer> lineNumbers, List<Violation> unreadable, Supplier<T> call) {
        return lineNumbers == null ? call.get() : namingLines(Map.of(list, lineNumbers), unreadable, call);
    }
}
