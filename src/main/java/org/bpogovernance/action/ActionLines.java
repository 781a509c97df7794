package org.bpogovernance.action;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.bpogovernance.action.ActionItemService.ProposedAction;
import org.bpogovernance.platform.FormLines;
import org.bpogovernance.platform.InvalidInputException.Violation;

/**
 * Action items typed in a form's text area, one per line: {@code due date | owner | action}. A line
 * whose date cannot be read is kept without its date and listed in {@code unreadable}.
 */
public final class ActionLines {

    /** The actions, the lines they stood on, and the lines that could not be read. */
    public record Parsed(List<ProposedAction> actions, List<Integer> lineNumbers, List<Violation> unreadable) {
    }

    private ActionLines() {
    }

    public static Parsed parse(String field, String text) {
        FormLines.Parsed lines = FormLines.parse(text, 3);
        List<ProposedAction> actions = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < lines.entries().size(); i++) {
            String[] row = lines.entries().get(i);
            LocalDate due = null;
            try {
                due = row[0] == null ? null : LocalDate.parse(row[0]);
            } catch (DateTimeParseException notADate) {
                violations.add(new Violation(field + " line " + lines.lineNumbers().get(i),
                        "due date: '" + row[0] + "' is not a date (yyyy-mm-dd)"));
            }
            actions.add(new ProposedAction(row[2], row[1], due));
        }
        return new Parsed(actions, lines.lineNumbers(), violations);
    }
}
