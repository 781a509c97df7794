/**
 * Notifications that are never lost: every e-mail (task assignments, reminders, overdue notices,
 * calendar invites, governance notices) is written to an outbox in the transaction that caused
 * it and sent after commit, retried while the SMTP server is away, and visible when it fails.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notification")
package org.bpogovernance.notification;
