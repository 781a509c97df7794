/**
 * Service levels: an engagement's KPIs and SLAs with versioned definitions, the measurements fed
 * by providers and integrators (JSON, CSV, Tasklist), and their health from the {@code kpi-health}
 * decision table.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Service levels")
package org.bpogovernance.servicelevel;
