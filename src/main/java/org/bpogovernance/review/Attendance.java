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
import java.time.Instant;

/** One invited participant of a review call: their answer to the invite, and whether they attended. */
@Entity
@Table(name = "review_attendance")
public class Attendance {

    public enum Response {
        INVITED, CONFIRMED, DECLINED
    }

    public enum Presence {
        ON_SITE, REMOTE, ABSENT
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @JsonIgnore
    private Long id;

    @Column(name = "review_id", nullable = false)
    @JsonIgnore
    private Long reviewId;

    @Column(name = "user_id", nullable = false)
    private String userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Response response = Response.INVITED;

    @Column(name = "response_note")
    private String responseNote;

    @Column(name = "responded_at")
    private Instant respondedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "attendance")
    private Presence presence;

    protected Attendance() {
    }

    Attendance(Long reviewId, String userId) {
        this.reviewId = reviewId;
        this.userId = userId;
    }

    void respond(Response response, String note, Instant at) {
        this.response = response;
        this.responseNote = note;
        this.respondedAt = at;
    }

    /** A moved call asks everyone again. */
    void invitedAgain() {
        this.response = Response.INVITED;
        this.responseNote = null;
        this.respondedAt = null;
    }

    void attended(Presence presence) {
        this.presence = presence;
    }

    public String getUserId() {
        return userId;
    }

    public Response getResponse() {
        return response;
    }

    public String getResponseNote() {
        return responseNote;
    }

    public Instant getRespondedAt() {
        return respondedAt;
    }

    public Presence getPresence() {
        return presence;
    }
}
