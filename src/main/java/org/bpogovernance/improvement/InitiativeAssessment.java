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
import org.bpogovernance.engagement.Side;

/** One side's view of a proposal: support it, support it with changes, or oppose it, and why. */
@Entity
@Table(name = "initiative_assessment")
public class InitiativeAssessment {

    public enum Verdict {
        SUPPORT, SUPPORT_WITH_CHANGES, OPPOSE
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
    private Side side;

    @Column(name = "assessed_by", nullable = false)
    private String assessedBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Verdict verdict;

    private String comment;

    @Column(name = "assessed_at", nullable = false)
    private Instant assessedAt;

    protected InitiativeAssessment() {
    }

    InitiativeAssessment(Long initiativeId, Side side, String assessedBy, Verdict verdict, String comment, Instant assessedAt) {
        this.initiativeId = initiativeId;
        this.side = side;
        this.assessedBy = assessedBy;
        this.verdict = verdict;
        this.comment = comment;
        this.assessedAt = assessedAt;
    }

    public Side getSide() {
        return side;
    }

    public String getAssessedBy() {
        return assessedBy;
    }

    public Verdict getVerdict() {
        return verdict;
    }

    public String getComment() {
        return comment;
    }

    public Instant getAssessedAt() {
        return assessedAt;
    }
}
