package org.bpogovernance.platform;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A field at fault as a person reads it: the label its form shows ("Call date") where the form is
 * known, else its name in words ({@code durationMinutes} → "Duration minutes"); a line of a list
 * keeps its number ("Agenda line 3").
 */
public final class FieldNames {

    private static final Pattern LINE = Pattern.compile("^(\\S+)( line \\d+)$");
    private static final Pattern INDEXED = Pattern.compile("^([A-Za-z]+)\\[(\\d+)](?:\\.(.+))?$");

    private FieldNames() {
    }

    /** The field in words, by the labels of its form (key → label; may be empty). */
    public static String inWords(String field, Map<String, String> labels) {
        if (field == null || field.isBlank()) {
            return "";
        }
        String label = labels.get(field);
        if (label != null) {
            return label;
        }
        Matcher line = LINE.matcher(field);
        if (line.matches()) {
            return inWords(line.group(1), labels) + line.group(2);
        }
        Matcher indexed = INDEXED.matcher(field);
        if (indexed.matches()) {
            return inWords(indexed.group(1), labels) + " " + (Integer.parseInt(indexed.group(2)) + 1)
                    + (indexed.group(3) == null ? "" : ", " + words(indexed.group(3)).toLowerCase(Locale.ROOT));
        }
        return words(field);
    }

    /** What a refused input tells a person: each field in words with its rule. */
    public static String refusal(Throwable refused, Map<String, String> labels) {
        if (refused instanceof InvalidInputException invalid) {
            String text = invalid.violations().stream().limit(InvalidInputException.LISTED)
                    .map(v -> inWords(v.field(), labels) + ": " + v.message()).collect(Collectors.joining("; "));
            return invalid.violations().size() > InvalidInputException.LISTED
                    ? text + "; and " + (invalid.violations().size() - InvalidInputException.LISTED) + " more" : text;
        }
        if (refused instanceof ConflictException conflict && conflict.field() != null) {
            return inWords(conflict.field(), labels) + ": " + conflict.detail();
        }
        return refused.getMessage();
    }

    /** {@code callDate} → "Call date", {@code kpi_code} → "Kpi code". */
    static String words(String name) {
        String spaced = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('_', ' ').replace('.', ' ').trim()
                .toLowerCase(Locale.ROOT);
        return spaced.isEmpty() ? name : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
