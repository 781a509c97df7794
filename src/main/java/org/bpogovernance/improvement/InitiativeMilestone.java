package org.bpogovernance.improvement;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A milestone of a pilot: what is to be reached by when, and when it was. */
@Entity
@Table(name = "initiative_milestone")
public class InitiativeMilestone {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "initiative_id", nullable = false)
    @JsonIgnore
    private Long initiativeId;

    @Column(nullable = false)
    private String title;

    @Column(name = "due_date", nullable = false)
    private LocalDate dueDate;

    @Column(name = "reached_on")
    private LocalDate reachedOn;

    protected InitiativeMilestone() {
    }

    InitiativeMilestone(Long initiativeId, String title, LocalDate dueDate) {
        this.initiativeId = initiativeId;
        this.title = title;
        this.dueDate = dueDate;
    }

    void reached(LocalDate on) {
        this.reachedOn = on;
    }

    /** Past its date and not reached: the pilot is at risk. */
    public boolean isLate(LocalDate today) {
        return reachedOn == null && dueDate.isBefore(today);
    }

    public Long getId() {
        return id;
    }

    Long getInitiativeId() {
        return initiativeId;
    }

    public String getTitle() {
        return title;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public LocalDate getReachedOn() {
        return reachedOn;
    }
}
