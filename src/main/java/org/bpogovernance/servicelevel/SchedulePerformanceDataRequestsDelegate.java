package org.bpogovernance.servicelevel;

import static org.bpogovernance.engagement.EngagementVariables.ENGAGEMENT_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Schedule performance data requests": the monthly timer, from the engagement's time zone and due day. */
@Component
class SchedulePerformanceDataRequestsDelegate implements JavaDelegate {

    private final PerformanceDataService performanceData;

    SchedulePerformanceDataRequestsDelegate(PerformanceDataService performanceData) {
        this.performanceData = performanceData;
    }

    @Override
    public void execute(DelegateExecution execution) {
        PerformanceDataProcess.CYCLE.set(execution, performanceData.requestCycle(ENGAGEMENT_ID.required(execution)));
    }
}
