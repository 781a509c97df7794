/**
 * What management and participants see: Tasklist filters, and (as they arrive) the portfolio
 * and engagement views and the governance metrics.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reporting")
package org.bpogovernance.reporting;
