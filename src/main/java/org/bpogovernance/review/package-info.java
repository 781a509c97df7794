/**
 * Meetings and milestone review calls: scheduling with calendar invites (a stable UID, updates
 * and cancellations), and, as the review process arrives, agendas, attendance, minutes and
 * sign-offs.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Review")
package org.bpogovernance.review;
