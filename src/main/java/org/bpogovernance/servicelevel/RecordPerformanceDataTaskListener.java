package org.bpogovernance.servicelevel;

import static org.bpogovernance.engagement.EngagementVariables.ENGAGEMENT_ID;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bpogovernance.platform.FormLines;
import org.bpogovernance.platform.FormValues;
import org.bpogovernance.platform.UserInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completing "Submit performance data" records the values, all or nothing, as manual measurements:
 * one line per metric ({@code metric | value | comment}) as Tasklist submits it, or a JSON list
 * of {@code {metric, value, comment}} from an API client.
 */
@Component
class RecordPerformanceDataTaskListener implements TaskListener {

    private final PerformanceDataService performanceData;

    RecordPerformanceDataTaskListener(PerformanceDataService performanceData) {
        this.performanceData = performanceData;
    }

    @Override
    public void notify(DelegateTask task) {
        YearMonth period = YearMonth.parse(PerformanceDataProcess.PERIOD.required(task));
        Object submitted = FormValues.submitted(task, PerformanceDataProcess.VALUES);
        UserInput.check(() -> {
            if (submitted instanceof String text && !text.trim().startsWith("[")) {
                FormLines.Parsed lines = FormLines.parse(text, 3);
                List<Map<String, Object>> rows = lines.entries().stream().map(line -> {
                    Map<String, Object> row = new HashMap<>();
                    row.put("metric", line[0]);
                    row.put("value", line[1]);
                    row.put("comment", line[2]);
                    return row;
                }).toList();
                return FormLines.namingLines(PerformanceDataProcess.VALUES, lines.lineNumbers(), () ->
                        performanceData.submit(ENGAGEMENT_ID.required(task), period, PerformanceDataProcess.VALUES, rows));
            }
            return performanceData.submit(ENGAGEMENT_ID.required(task), period, PerformanceDataProcess.VALUES,
                    FormValues.records(PerformanceDataProcess.VALUES, submitted));
        });
    }
}
