/**
 * Action items: what a review call (or, later, an escalation or an officer) agreed someone will
 * do by a date, followed up to closure by the {@code action-item-follow-up} process.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Actions")
package org.bpogovernance.action;
