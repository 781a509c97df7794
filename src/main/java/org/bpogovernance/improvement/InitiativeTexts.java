package org.bpogovernance.improvement;

import org.bpogovernance.engagement.EngagementService;
import org.bpogovernance.platform.PeopleDates;
import org.springframework.stereotype.Component;

/** An initiative as its forms show it, in words. */
@Component
class InitiativeTexts {

    private final EngagementService engagements;

    InitiativeTexts(EngagementService engagements) {
        this.engagements = engagements;
    }

    String summary(Initiative initiative) {
        StringBuilder text = new StringBuilder()
                .append(initiative.getTitle()).append('\n')
                .append("Proposed by ").append(initiative.getProposedBy())
                .append(initiative.getProposedSide() == null ? " (governance office)"
                        : " (" + initiative.getProposedSide().name().toLowerCase() + " side)")
                .append('\n').append("Problem: ").append(initiative.getProblem())
                .append('\n').append("Idea: ").append(initiative.getIdea())
                .append('\n').append("Expected benefit: ");
        if (initiative.getMetricCode() == null) {
            text.append("not tied to a service metric");
        } else {
            text.append(initiative.getMetricCode()).append(" from ").append(plain(initiative.getBaseline())).append(" to ")
                    .append(plain(initiative.getTarget()));
        }
        text.append('\n').append("Size ").append(initiative.getSize().name().toLowerCase()).append(", ")
                .append(initiative.getEffortDays()).append(" person-days, ").append(initiative.getRisk().name().toLowerCase())
                .append(" risk");
        if (initiative.getDecisionTier() != null) {
            text.append("; decided at the ").append(tier(initiative.getDecisionTier())).append(" tier");
        }
        if (initiative.getDecisionReason() != null) {
            text.append('\n').append("Decision: ").append(initiative.getDecisionReason());
        }
        if (initiative.getOwner() != null) {
            text.append('\n').append("Pilot owned by ").append(initiative.getOwner()).append(" since ")
                    .append(PeopleDates.day(initiative.getPilotStart())).append("; benefits review on ")
                    .append(PeopleDates.day(initiative.getBenefitsReviewDate()));
        }
        return text.toString();
    }

    /** A tier and who decides there. */
    static String tier(org.bpogovernance.engagement.TierLevel tier) {
        return switch (tier) {
            case OPERATIONAL -> "operational (the governance officer)";
            case MANAGEMENT -> "management (the client representative and the provider manager together)";
            case EXECUTIVE -> "executive (the executive sponsors)";
        };
    }

    /** The engagement's people, one per line, for choosing a pilot's owner. */
    String people(Long engagementId) {
        return engagements.peopleInWords(engagementId);
    }

    private static String plain(java.math.BigDecimal value) {
        return value == null ? "(not measured yet)" : value.stripTrailingZeros().toPlainString();
    }
}
