package org.bpogovernance.engagement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What changed between two versions of a charter, line by line as the signers read it: each line
 * of the charter is "what: value", and a changed line says what it was and what it is now
 * ({@code Communication: EMAIL; reporting MONTHLY → now EMAIL,CHAT; reporting WEEKLY}).
 */
final class CharterChanges {

    private CharterChanges() {
    }

    static String between(String before, String after) {
        Map<String, String> was = lines(before);
        Map<String, String> now = lines(after);
        List<String> changes = new ArrayList<>();
        now.forEach((what, value) -> {
            String old = was.get(what);
            if (old == null) {
                changes.add(what + ": now " + value);
            } else if (!old.equals(value)) {
                changes.add(what + ": " + old + " → now " + value);
            }
        });
        was.forEach((what, value) -> {
            if (!now.containsKey(what)) {
                changes.add(what + ": no longer " + value);
            }
        });
        return changes.isEmpty() ? "Nothing in the charter's text changed since the last round." : String.join("\n", changes);
    }

    private static Map<String, String> lines(String charter) {
        Map<String, String> lines = new LinkedHashMap<>();
        for (String line : charter.split("\n")) {
            int colon = line.indexOf(": ");
            if (colon > 0) {
                lines.put(line.substring(0, colon), line.substring(colon + 2));
            } else if (!line.isBlank()) {
                lines.put("Engagement", line);
            }
        }
        return lines;
    }
}
