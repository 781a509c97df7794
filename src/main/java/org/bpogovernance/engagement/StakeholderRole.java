package org.bpogovernance.engagement;

/** What a stakeholder does in the governance of one engagement. */
public enum StakeholderRole {
    /** The client's decision-maker: signs the charter and the review minutes. */
    CLIENT_REPRESENTATIVE(Side.CLIENT),
    /** The provider's manager: signs the charter and the review minutes. */
    PROVIDER_MANAGER(Side.PROVIDER),
    PROJECT_LEAD(null),
    SUBJECT_MATTER_EXPERT(null),
    EXECUTIVE_SPONSOR(null),
    GOVERNANCE_OFFICER(null);

    private final Side requiredSide;

    StakeholderRole(Side requiredSide) {
        this.requiredSide = requiredSide;
    }

    /** The side this role belongs to, or null where either side may hold it. */
    public Side requiredSide() {
        return requiredSide;
    }
}
