package org.bpogovernance.servicelevel;

import static org.bpogovernance.engagement.EngagementVariables.ENGAGEMENT_ID;

import java.time.YearMonth;
import org.bpogovernance.platform.FormValues;
import org.bpogovernance.platform.UserInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completing "Submit performance data" records the values, all or nothing, as manual measurements. */
@Component
class RecordPerformanceDataTaskListener implements TaskListener {

    private final PerformanceDataService performanceData;

    RecordPerformanceDataTaskListener(PerformanceDataService performanceData) {
        this.performanceData = performanceData;
    }

    @Override
    public void notify(DelegateTask task) {
        YearMonth period = YearMonth.parse(PerformanceDataProcess.PERIOD.required(task));
        UserInput.check(() -> performanceData.submit(ENGAGEMENT_ID.required(task), period, PerformanceDataProcess.VALUES,
                FormValues.records(PerformanceDataProcess.VALUES, task.getVariable(PerformanceDataProcess.VALUES))));
    }
}
