/**
 * Partnership health: twice a year each side's people rate the relationship, without their names
 * ({@code relationship-survey}); the index, its trend and the gap between the sides' views go to the
 * engagement, the portfolio, the term summary, the renewal recommendation and, when low or wide,
 * the next management or executive call's agenda.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Partnership")
package org.bpogovernance.partnership;
