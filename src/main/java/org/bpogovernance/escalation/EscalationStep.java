package org.bpogovernance.escalation;

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

/** One step of an escalation: who did what at which level, when, and what they said. */
@Entity
@Table(name = "escalation_step")
public class EscalationStep {

    public enum Event {
        RAISED, OPENED_AT_LEVEL, TIME_LIMIT_PASSED, MOVED_UP, RESPONDED, RESOLVED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @JsonIgnore
    private Long id;

    @Column(name = "escalation_id", nullable = false)
    @JsonIgnore
    private Long escalationId;

    @Column(nullable = false)
    private int level;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Event event;

    @Column(nullable = false)
    private String actor;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    private String note;

    protected EscalationStep() {
    }

    EscalationStep(Long escalationId, int level, Event event, String actor, Instant occurredAt, String note) {
        this.escalationId = escalationId;
        this.level = level;
        this.event = event;
        this.actor = actor;
        this.occurredAt = occurredAt;
        this.note = note;
    }

    public int getLevel() {
        return level;
    }

    public Event getEvent() {
        return event;
    }

    public String getActor() {
        return actor;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getNote() {
        return note;
    }
}
