package org.bpogovernance.servicelevel;

import static org.bpogovernance.engagement.EngagementVariables.ENGAGEMENT_ID;

import java.time.YearMonth;
import java.util.List;
import java.util.stream.Collectors;
import org.bpogovernance.platform.FormLines;
import org.bpogovernance.platform.FormValues;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Creating "Submit performance data" lists the period's metrics on the task: what each measures,
 * and a line per metric to fill in ({@code metric | value | comment}), with the values a feed
 * delivered already.
 */
@Component
class ShowPerformanceDataTaskListener implements TaskListener {

    private final PerformanceDataService performanceData;

    ShowPerformanceDataTaskListener(PerformanceDataService performanceData) {
        this.performanceData = performanceData;
    }

    @Override
    public void notify(DelegateTask task) {
        YearMonth period = YearMonth.parse(PerformanceDataProcess.PERIOD.required(task));
        List<PerformanceDataService.Row> rows = performanceData.form(ENGAGEMENT_ID.required(task), period);
        task.setVariableLocal(PerformanceDataProcess.METRICS, FormValues.shown(rows.stream()
                .map(row -> row.metric() + " — " + row.name() + " in " + row.unit() + ", target "
                        + row.target().stripTrailingZeros().toPlainString())
                .collect(Collectors.joining("\n"))));
        task.setVariableLocal(PerformanceDataProcess.VALUES, FormValues.shown(FormLines.format(rows.stream()
                .map(row -> List.<Object>of(row.metric(), row.value() == null ? "" : row.value().stripTrailingZeros().toPlainString(), ""))
                .toList()), "(more metrics than a form holds: send the rest with POST …/measurements)"));
    }
}
