package org.bpogovernance.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A user's choice about optional mail. Without a row, everything is sent. */
@Entity
@Table(name = "notification_preference")
class NotificationPreference {

    @Id
    @Column(name = "user_id")
    private String userId;

    @Column(name = "reminders_enabled", nullable = false)
    private boolean remindersEnabled;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected NotificationPreference() {
    }

    NotificationPreference(String userId, boolean remindersEnabled, Instant updatedAt) {
        this.userId = userId;
        this.remindersEnabled = remindersEnabled;
        this.updatedAt = updatedAt;
    }

    boolean remindersEnabled() {
        return remindersEnabled;
    }
}
