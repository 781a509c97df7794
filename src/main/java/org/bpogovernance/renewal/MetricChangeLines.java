package org.bpogovernance.renewal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.bpogovernance.platform.FormLines;
import org.bpogovernance.platform.InvalidInputException.Violation;
import org.bpogovernance.platform.InvalidInputException;
import org.bpogovernance.servicelevel.ServiceLevelService.ThresholdChange;

/**
 * Metric changes typed one per line: {@code code | target | warning | breach}. A line with a
 * threshold that is not a number is kept without it and listed in {@code unreadable}.
 */
final class MetricChangeLines {

    record Parsed(List<ThresholdChange> changes, List<Integer> lineNumbers, List<Violation> unreadable) {
    }

    private MetricChangeLines() {
    }

    static List<ThresholdChange> parse(String field, String text) {
        Parsed parsed = parseWithLines(field, text);
        if (!parsed.unreadable().isEmpty()) {
            throw new InvalidInputException(parsed.unreadable());
        }
        return parsed.changes();
    }

    static Parsed parseWithLines(String field, String text) {
        FormLines.Parsed lines = FormLines.parse(text, 4);
        List<ThresholdChange> changes = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        String[] columns = {"code", "target", "warning", "breach"};
        for (int i = 0; i < lines.entries().size(); i++) {
            String[] row = lines.entries().get(i);
            BigDecimal[] numbers = new BigDecimal[3];
            for (int c = 1; c < 4; c++) {
                if (row[c] == null) {
                    continue;
                }
                try {
                    numbers[c - 1] = new BigDecimal(row[c]);
                } catch (NumberFormatException notANumber) {
                    violations.add(new Violation(field + " line " + lines.lineNumbers().get(i),
                            columns[c] + ": '" + row[c] + "' is not a number"));
                }
            }
            changes.add(new ThresholdChange(row[0], numbers[0], numbers[1], numbers[2]));
        }
        return new Parsed(changes, lines.lineNumbers(), violations);
    }
}
