package org.bpogovernance.review;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An item of a review call's agenda: what, who leads it, how many minutes. */
@Entity
@Table(name = "agenda_item")
public class AgendaItem {

    /** Where the item came from: a standing item, an exception the draft found, or the officer. */
    public enum Source {
        STANDING, EXCEPTION, OFFICER
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @JsonIgnore
    private Long id;

    @Column(name = "review_id", nullable = false)
    @JsonIgnore
    private Long reviewId;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String owner;

    @Column(name = "timebox_minutes", nullable = false)
    private int timeboxMinutes;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Source source;

    protected AgendaItem() {
    }

    AgendaItem(Long reviewId, int position, String title, String owner, int timeboxMinutes, Source source) {
        this.reviewId = reviewId;
        this.position = position;
        this.title = title;
        this.owner = owner;
        this.timeboxMinutes = timeboxMinutes;
        this.source = source;
    }

    public int getPosition() {
        return position;
    }

    public String getTitle() {
        return title;
    }

    public String getOwner() {
        return owner;
    }

    public int getTimeboxMinutes() {
        return timeboxMinutes;
    }

    public Source getSource() {
        return source;
    }
}
