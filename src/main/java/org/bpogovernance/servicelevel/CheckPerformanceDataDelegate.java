package org.bpogovernance.servicelevel;

import static org.bpogovernance.engagement.EngagementVariables.ENGAGEMENT_ID;

import java.time.YearMonth;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Check the performance data": is any value of the period missing, and has nobody asked the
 * provider for it yet? The period comes from the process, or is last month.
 */
@Component
class CheckPerformanceDataDelegate implements JavaDelegate {

    private final PerformanceDataService performanceData;

    CheckPerformanceDataDelegate(PerformanceDataService performanceData) {
        this.performanceData = performanceData;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long engagementId = ENGAGEMENT_ID.required(execution);
        String given = PerformanceDataProcess.PERIOD.from(execution);
        YearMonth period = given == null ? performanceData.periodDueNow(engagementId) : YearMonth.parse(given);
        Optional<String> provider = performanceData.requestIfMissing(engagementId, period);
        PerformanceDataProcess.PERIOD.setLocal(execution, period.toString());
        PerformanceDataProcess.MISSING.setLocal(execution, provider.isPresent());
        PerformanceDataProcess.PROVIDER.setLocal(execution, provider.orElse(null));
    }
}
