package org.bpogovernance.engagement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One party's decision on the onboarding charter in one round; never changed once written. */
@Entity
@Table(name = "charter_sign_off")
public class CharterSignOff {

    public enum Decision {
        APPROVE, REJECT
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "engagement_id", nullable = false)
    private Long engagementId;

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

    @Column(name = "decided_at", nullable = false)
    private Instant decidedAt;

    protected CharterSignOff() {
    }

    CharterSignOff(Long engagementId, int round, Side side, String signer, Decision decision, String reason,
            Instant decidedAt) {
        this.engagementId = engagementId;
        this.round = round;
        this.side = side;
        this.signer = signer;
        this.decision = decision;
        this.reason = reason;
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

    public Instant getDecidedAt() {
        return decidedAt;
    }
}
