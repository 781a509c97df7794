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
import org.bpogovernance.engagement.Side;

/** One party's decision on a review's minutes in one sign-off round; never changed once written. */
@Entity
@Table(name = "review_sign_off")
public class MinutesSignOff {

    public enum Decision {
        APPROVE, REJECT
    }

    /** What a rejecting party asks for: the officer reworks the minutes, or the dispute is escalated too. */
    public enum NextStep {
        REWORK, ESCALATE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @JsonIgnore
    private Long id;

    @Column(name = "review_id", nullable = false)
    @JsonIgnore
    private Long reviewId;

    @Column(nullable = false)
    private int round;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Side side;

    @Column(nullable = false)
    private String signer;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Decision decision;

    private String reason;

    @Enumerated(EnumType.STRING)
    @Column(name = "next_step")
    private NextStep nextStep;

    @Column(name = "decided_at", nullable = false)
    private Instant decidedAt;

    protected MinutesSignOff() {
    }

    MinutesSignOff(Long reviewId, int round, Side side, String signer, Decision decision, String reason,
            NextStep nextStep, Instant decidedAt) {
        this.reviewId = reviewId;
        this.round = round;
        this.side = side;
        this.signer = signer;
        this.decision = decision;
        this.reason = reason;
        this.nextStep = nextStep;
        this.decidedAt = decidedAt;
    }

    public int getRound() {
        return round;
    }

    public Side getSide() {
        return side;
    }

    public String getSigner() {
        return signer;
    }

    public Decision getDecision() {
        return decision;
    }

    public String getReason() {
        return reason;
    }

    public NextStep getNextStep() {
        return nextStep;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }
}
