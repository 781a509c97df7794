package org.bpogovernance.servicelevel;

import static org.bpogovernance.engagement.EngagementVariables.ENGAGEMENT_ID;

import java.time.YearMonth;
import org.bpogovernance.platform.FormValues;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Creating "Submit performance data" lists the period's metrics on the task for its form. */
@Component
class ShowPerformanceDataTaskListener implements TaskListener {

    private final PerformanceDataService performanceData;

    ShowPerformanceDataTaskListener(PerformanceDataService performanceData) {
        this.performanceData = performanceData;
    }

    @Override
    public void notify(DelegateTask task) {
        YearMonth period = YearMonth.parse(PerformanceDataProcess.PERIOD.required(task));
        task.setVariableLocal(PerformanceDataProcess.VALUES,
                FormValues.json(performanceData.form(ENGAGEMENT_ID.required(task), period)));
    }
}
