package org.bpogovernance.action;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** An owner's request for a new due date, with the reason, and the officer's decision on it. */
@Entity
@Table(name = "action_item_due_date_change")
public class DueDateChange {

    public enum Decision {
        APPROVED, REJECTED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @JsonIgnore
    private Long id;

    @Column(name = "action_item_id", nullable = false)
    @JsonIgnore
    private Long actionItemId;

    @Column(name = "old_due_date", nullable = false)
    private LocalDate oldDueDate;

    @Column(name = "new_due_date", nullable = false)
    private LocalDate newDueDate;

    @Column(nullable = false)
    private String reason;

    @Column(name = "requested_by", nullable = false)
    private String requestedBy;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Enumerated(EnumType.STRING)
    private Decision decision;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decision_note")
    private String decisionNote;

    protected DueDateChange() {
    }

    DueDateChange(Long actionItemId, LocalDate oldDueDate, LocalDate newDueDate, String reason, String requestedBy,
            Instant requestedAt) {
        this.actionItemId = actionItemId;
        this.oldDueDate = oldDueDate;
        this.newDueDate = newDueDate;
        this.reason = reason;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
    }

    void decide(Decision decision, String by, String note, Instant at) {
        this.decision = decision;
        this.decidedBy = by;
        this.decisionNote = note;
        this.decidedAt = at;
    }

    boolean isPending() {
        return decision == null;
    }

    public LocalDate getOldDueDate() {
        return oldDueDate;
    }

    public LocalDate getNewDueDate() {
        return newDueDate;
    }

    public String getReason() {
        return reason;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public Decision getDecision() {
        return decision;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getDecisionNote() {
        return decisionNote;
    }
}
