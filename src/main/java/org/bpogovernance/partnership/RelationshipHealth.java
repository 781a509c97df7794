package org.bpogovernance.partnership;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.bpogovernance.engagement.Side;

/**
 * How the two sides see their relationship, from the survey rounds: the index (1 to 5) of the last
 * closed round, its trend against the round before, the gap between the sides' views, and every round.
 */
public record RelationshipHealth(Long engagementId, BigDecimal index, BigDecimal gap, Trend trend, boolean atRisk,
        String inWords, List<Round> rounds) {

    /** The index against the round before: up or down by a quarter point or more, or neither. */
    public enum Trend {
        IMPROVING, STABLE, DECLINING, NOT_ENOUGH_DATA
    }

    /**
     * One round: who was asked and answered on each side, each side's index, the index (the two sides
     * weigh the same, however many answered), the gap, the five things by side, and the comments by side.
     */
    public record Round(int round, String status, Instant openedAt, Instant closesAt, Instant closedAt,
            int clientInvited, int clientAnswered, int providerInvited, int providerAnswered, BigDecimal clientIndex,
            BigDecimal providerIndex, BigDecimal index, BigDecimal gap, boolean atRisk, List<Dimension> dimensions,
            List<Comment> comments) {
    }

    public record Dimension(String name, BigDecimal client, BigDecimal provider) {
    }

    /** A comment with its side and never its author; listed in alphabetical order, not in the order given. */
    public record Comment(Side side, String text) {
    }

    /** The figures the portfolio and the term summary show. */
    public record Figures(BigDecimal index, BigDecimal gap, Trend trend, boolean atRisk, int rounds) {

        public static final Figures NONE = new Figures(null, null, Trend.NOT_ENOUGH_DATA, false, 0);
    }
}
