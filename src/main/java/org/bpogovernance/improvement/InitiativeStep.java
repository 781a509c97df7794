package org.bpogovernance.improvement;

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

/** One step in an initiative's history: who did what, when, and what they said. */
@Entity
@Table(name = "initiative_step")
public class InitiativeStep {

    public enum Event {
        PROPOSED, ASSESSED, PUT_TO_TIER, APPROVED, PARKED, REVISITED, REJECTED, MILESTONE_REACHED, EXTENDED, ADOPTED,
        DROPPED, WITHDRAWN
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @JsonIgnore
    private Long id;

    @Column(name = "initiative_id", nullable = false)
    @JsonIgnore
    private Long initiativeId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Event event;

    @Column(nullable = false)
    private String actor;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    private String note;

    protected InitiativeStep() {
    }

    InitiativeStep(Long initiativeId, Event event, String actor, Instant occurredAt, String note) {
        this.initiativeId = initiativeId;
        this.event = event;
        this.actor = actor;
        this.occurredAt = occurredAt;
        this.note = note;
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
