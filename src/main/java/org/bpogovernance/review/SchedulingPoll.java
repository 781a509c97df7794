package org.bpogovernance.review;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One round of a review call's scheduling poll: the slots the officer proposed (all of the same
 * length, format and place), who is asked, until when, and how it ended.
 */
@Entity
@Table(name = "review_poll")
public class SchedulingPoll {

    public enum Status {
        /** Answers are being taken. */
        OPEN,
        /** A slot was chosen: the best with the quorum, or the officer's pick. */
        CHOSEN,
        /** More than one slot is best: the officer picks. */
        TIED,
        /** No slot has the quorum. */
        NO_QUORUM
    }

    /** A proposed start; positions count from 1 as people read them. */
    @Embeddable
    public record Slot(@Column(name = "position") int position, @Column(name = "starts_at") Instant startsAt) {
    }

    /** A person asked, with the token of their one-click links. */
    @Embeddable
    record Respondent(@Column(name = "user_id") String userId, @Column(name = "link_token") String linkToken) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    @JsonIgnore
    private Long version;

    @Column(name = "review_id", nullable = false)
    @JsonIgnore
    private Long reviewId;

    private int round;

    private int minutes;

    @Column(name = "call_format", nullable = false)
    private String format;

    private String site;

    private String link;

    @Column(name = "visit_host")
    private String visitHost;

    @Column(name = "visit_instructions")
    private String visitInstructions;

    @Column(name = "operations_visit", nullable = false)
    private boolean operationsVisit;

    @Column(name = "opened_by", nullable = false)
    private String openedBy;

    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;

    @Column(name = "closes_at", nullable = false)
    private Instant closesAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status = Status.OPEN;

    @Column(name = "chosen_slot")
    private Integer chosenSlot;

    @Column(name = "chosen_by")
    private String chosenBy;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "review_poll_slot", joinColumns = @JoinColumn(name = "poll_id"))
    @OrderBy("position")
    private List<Slot> slots = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "review_poll_respondent", joinColumns = @JoinColumn(name = "poll_id"))
    @JsonIgnore
    private List<Respondent> respondents = new ArrayList<>();

    protected SchedulingPoll() {
    }

    SchedulingPoll(Long reviewId, int round, int minutes, MeetingPlace place, String format, OnSiteVisits.OnSite onSite,
            List<Slot> slots, List<Respondent> respondents, String openedBy, Instant openedAt, Instant closesAt) {
        this.visitHost = onSite.host();
        this.visitInstructions = onSite.instructions();
        this.operationsVisit = onSite.operationsVisit();
        this.reviewId = reviewId;
        this.round = round;
        this.minutes = minutes;
        this.format = format;
        this.site = place.site();
        this.link = place.link();
        this.slots = new ArrayList<>(slots);
        this.respondents = new ArrayList<>(respondents);
        this.openedBy = openedBy;
        this.openedAt = openedAt;
        this.closesAt = closesAt;
    }

    void closed(Status outcome, Integer slot) {
        this.status = outcome;
        this.chosenSlot = slot;
        this.chosenBy = outcome == Status.CHOSEN ? "poll" : null;
    }

    void chosenBy(String officer, int slot) {
        this.status = Status.CHOSEN;
        this.chosenSlot = slot;
        this.chosenBy = officer;
    }

    /** The on-site details the officer gave with the slots. */
    OnSiteVisits.OnSite onSite() {
        return new OnSiteVisits.OnSite(visitHost, visitInstructions, operationsVisit);
    }

    Optional<Slot> slot(int position) {
        return slots.stream().filter(slot -> slot.position() == position).findFirst();
    }

    Optional<Respondent> respondent(String userId) {
        return respondents.stream().filter(respondent -> respondent.userId().equals(userId)).findFirst();
    }

    public Long getId() {
        return id;
    }

    public Long getReviewId() {
        return reviewId;
    }

    public int getRound() {
        return round;
    }

    public int getMinutes() {
        return minutes;
    }

    public String getFormat() {
        return format;
    }

    public String getSite() {
        return site;
    }

    public String getLink() {
        return link;
    }

    public String getOpenedBy() {
        return openedBy;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    public Instant getClosesAt() {
        return closesAt;
    }

    public Status getStatus() {
        return status;
    }

    public Integer getChosenSlot() {
        return chosenSlot;
    }

    public String getChosenBy() {
        return chosenBy;
    }

    public List<Slot> getSlots() {
        return List.copyOf(slots);
    }

    List<String> respondentIds() {
        return respondents.stream().map(Respondent::userId).toList();
    }
}
