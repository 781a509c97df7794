package org.bpogovernance.renewal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.bpogovernance.platform.FormLines;
import org.bpogovernance.platform.InvalidInputException.Violation;
import org.bpogovernance.platform.InvalidInputException;
import org.bpogovernance.servicelevel.ServiceLevelService.ThresholdChange;

/** Metric changes typed one per line: {@code code | target | warning | breach}. */
final class MetricChangeLines {

    record Parsed(List<ThresholdChange> changes, List<Integer> lineNumbers) {
    }

    private MetricChangeLines() {
    }

    static List<ThresholdChange> parse(String field, String text) {
        return parseWithLines(field, text).changes();
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
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new Parsed(changes, lines.lineNumbers());
    }
}
