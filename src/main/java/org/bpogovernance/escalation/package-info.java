/**
 * Escalations: governance pressure when performance gaps or overdue actions appear. For now an
 * escalation is raised by a KPI breach or repeated warnings and handled by the governance
 * officers; the ladder of levels with time limits arrives with its own issue.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Escalation")
package org.bpogovernance.escalation;
