package org.bpogovernance.servicelevel;

import org.bpogovernance.platform.ProcessVariable;

/**
 * The "submit performance data" steps, as operational-governance (monthly) and milestone-review
 * (its performance pack) use them: their variables and the form field.
 */
final class PerformanceDataProcess {

    /** Timer cycle of the monthly request, e.g. {@code R/2026-12-05T09:00+01:00/P1M}. */
    static final ProcessVariable<String> CYCLE = ProcessVariable.of("performanceDataCycle", String.class);
    /** The period (yyyy-mm) asked for; set by the process, or by the check from the current date. */
    static final ProcessVariable<String> PERIOD = ProcessVariable.of("performanceDataPeriod", String.class);
    static final ProcessVariable<Boolean> MISSING = ProcessVariable.of("performanceDataMissing", Boolean.class);
    /** Who submits: the engagement's provider manager. */
    static final ProcessVariable<String> PROVIDER = ProcessVariable.of("performanceDataProvider", String.class);
    /** The form's values: a line per metric, {@code metric | value | comment}. */
    static final String VALUES = "performanceValues";
    /** Read-only: what each metric measures, its unit and target. */
    static final String METRICS = "performanceMetrics";

    private PerformanceDataProcess() {
    }
}
