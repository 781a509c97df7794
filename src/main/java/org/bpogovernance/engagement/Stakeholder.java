package org.bpogovernance.engagement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A person (a user of the identity service) with a side and a role on one engagement. */
@Entity
@Table(name = "stakeholder")
public class Stakeholder {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "engagement_id", nullable = false)
    private Long engagementId;

    @Column(name = "user_id", nullable = false)
    private String userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Side side;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private StakeholderRole role;

    /** 1 (first responders) to 3 (steering committee); null where not on the escalation ladder. */
    @Column(name = "escalation_level")
    private Integer escalationLevel;

    protected Stakeholder() {
    }

    Stakeholder(Long engagementId, String userId, Side side, StakeholderRole role, Integer escalationLevel) {
        this.engagementId = engagementId;
        this.userId = userId;
        this.side = side;
        this.role = role;
        this.escalationLevel = escalationLevel;
    }

    public Long getId() {
        return id;
    }

    public Long getEngagementId() {
        return engagementId;
    }

    public String getUserId() {
        return userId;
    }

    public Side getSide() {
        return side;
    }

    public StakeholderRole getRole() {
        return role;
    }

    public Integer getEscalationLevel() {
        return escalationLevel;
    }

    @Override
    public String toString() {
        return userId + " (" + side + " " + role + (escalationLevel == null ? "" : ", level " + escalationLevel) + ")";
    }
}
