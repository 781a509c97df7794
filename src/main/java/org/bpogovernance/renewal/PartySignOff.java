package org.bpogovernance.renewal;

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

/** One party's signature (or refusal, with the reason) on an amendment or on the completed exit, per round. */
@Entity
@Table(name = "party_sign_off")
public class PartySignOff {

    public enum Subject {
        AMENDMENT, EXIT
    }

    public enum Decision {
        APPROVE, REJECT
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "engagement_id", nullable = false)
    private Long engagementId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Subject subject;

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

    protected PartySignOff() {
    }

    PartySignOff(Long engagementId, Subject subject, int round, Side side, String signer, Decision decision, String reason,
            Instant decidedAt) {
        this.engagementId = engagementId;
        this.subject = subject;
        this.round = round;
        this.side = side;
        this.signer = signer;
        this.decision = decision;
        this.reason = reason;
        this.decidedAt = decidedAt;
    }

    public Subject getSubject() {
        return subject;
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
