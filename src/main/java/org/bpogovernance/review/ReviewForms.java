package org.bpogovernance.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bpogovernance.platform.FormValues;
import org.bpogovernance.platform.InvalidInputException;

/**
 * The dynamic lists of the review forms (agenda items, attendance, milestone updates, action
 * items) read into the services' records; a value of the wrong shape names its line and field.
 */
final class ReviewForms {

    private ReviewForms() {
    }

    static List<ReviewService.AgendaLine> agenda(Object value) {
        List<ReviewService.AgendaLine> lines = new ArrayList<>();
        List<Map<String, Object>> rows = FormValues.records(ReviewCallProcess.AGENDA_ITEMS, value);
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> row = rows.get(i);
            lines.add(new ReviewService.AgendaLine(FormValues.text(row.get("title")), FormValues.text(row.get("owner")),
                    FormValues.wholeNumberOrNull(ReviewCallProcess.AGENDA_ITEMS + "[" + i + "].timeboxMinutes",
                            row.get("timeboxMinutes")), FormValues.text(row.get("source"))));
        }
        return lines;
    }

    static List<MinutesService.PresenceLine> presence(Object value) {
        return FormValues.records(ReviewCallProcess.ATTENDANCE, value).stream()
                .map(row -> new MinutesService.PresenceLine(FormValues.text(row.get("user")), FormValues.text(row.get("name")),
                        FormValues.text(row.get("response")), FormValues.text(row.get("attendance"))))
                .toList();
    }

    static List<MilestoneService.StatusUpdate> milestoneUpdates(Object value) {
        List<MilestoneService.StatusUpdate> updates = new ArrayList<>();
        List<Map<String, Object>> rows = FormValues.records(ReviewCallProcess.MILESTONE_UPDATES, value);
        for (int i = 0; i < rows.size(); i++) {
            String path = ReviewCallProcess.MILESTONE_UPDATES + "[" + i + "]";
            Integer id = FormValues.wholeNumberOrNull(path + ".id", rows.get(i).get("id"));
            String status = FormValues.text(rows.get(i).get("status"));
            Milestone.Status parsed;
            try {
                parsed = status == null ? null : Milestone.Status.valueOf(status);
            } catch (IllegalArgumentException unknown) {
                throw new InvalidInputException(path + ".status", "must be one of " + List.of(Milestone.Status.values()));
            }
            updates.add(new MilestoneService.StatusUpdate(id == null ? null : id.longValue(), parsed));
        }
        return updates;
    }

    static List<MinutesService.ActionLine> actions(Object value) {
        List<MinutesService.ActionLine> lines = new ArrayList<>();
        List<Map<String, Object>> rows = FormValues.records(ReviewCallProcess.ACTION_ITEMS, value);
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> row = rows.get(i);
            lines.add(new MinutesService.ActionLine(FormValues.text(row.get("description")),
                    FormValues.text(row.get("owner")),
                    FormValues.date(ReviewCallProcess.ACTION_ITEMS + "[" + i + "].dueDate", row.get("dueDate"))));
        }
        return lines;
    }

    static MinutesText text(org.camunda.bpm.engine.delegate.VariableScope task) {
        return new MinutesText(FormValues.text(task.getVariable(ReviewCallProcess.MINUTES)),
                FormValues.text(task.getVariable(ReviewCallProcess.DECISIONS)),
                FormValues.text(task.getVariable(ReviewCallProcess.SUCCESSES)),
                FormValues.text(task.getVariable(ReviewCallProcess.LESSONS_LEARNED)),
                FormValues.text(task.getVariable(ReviewCallProcess.RISKS)));
    }
}
