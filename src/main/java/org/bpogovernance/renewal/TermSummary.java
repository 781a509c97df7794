package org.bpogovernance.renewal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;
import org.bpogovernance.action.ActionItemService.FollowThrough;
import org.bpogovernance.partnership.RelationshipHealth;
import org.bpogovernance.review.OnSiteVisits;

/**
 * What one term of an engagement came to: service levels (weighted attainment by month and on
 * average, its trend, breaches and warnings, service credits), escalations by the highest level
 * they reached, how agreed actions were followed through, how the client rated the review calls, the
 * improvement initiatives adopted (shared achievements), how both sides rated their relationship,
 * and the calls that met on site with the travel recorded for them.
 * Months are counted from the term's first to its last, or to the last complete month.
 */
public record TermSummary(Long engagementId, String engagementName, int term, LocalDate termStart, LocalDate termEnd,
        LocalDate noticeDate, String measuredFrom, String measuredTo, BigDecimal attainment, Trend trend,
        List<Month> months, int breaches, int warnings, BigDecimal creditsAccrued, BigDecimal creditsEarnedBack,
        BigDecimal netCredits, SortedMap<Integer, Long> escalationsByLevel, FollowThrough actions, int reviewCalls,
        int ratedCalls, BigDecimal satisfaction, List<String> sharedAchievements, RelationshipHealth.Figures relationship,
        OnSiteVisits.Travel travel) {

    /** The last months against the first: up by a point or more, down by a point or more, or neither. */
    public enum Trend {
        IMPROVING, STABLE, DECLINING, NOT_ENOUGH_DATA
    }

    /** One month: its weighted attainment (null where nothing was measured), RED and AMBER values. */
    public record Month(String period, BigDecimal attainment, int red, int amber) {
    }

    /** Escalations that reached the steering committee (level 3). */
    public long topLevelEscalations() {
        return escalationsByLevel.getOrDefault(3, 0L);
    }

    /** The summary as the decision forms show it. */
    public String text() {
        StringBuilder text = new StringBuilder(engagementName + ", term " + term + ": " + termStart + " to " + termEnd
                + " (notice by " + noticeDate + ")\n");
        text.append("\nService levels");
        if (measuredFrom == null) {
            text.append(": no month measured yet\n");
        } else {
            text.append(" ").append(measuredFrom).append(" to ").append(measuredTo).append("\n")
                    .append("- Weighted attainment: ").append(plain(attainment)).append("% on average, trend ")
                    .append(trend).append('\n')
                    .append("- Values in breach (RED): ").append(breaches).append(", warnings (AMBER): ").append(warnings)
                    .append('\n')
                    .append("- Service credits: ").append(plain(creditsAccrued)).append("% accrued, ")
                    .append(plain(creditsEarnedBack)).append("% earned back, ").append(plain(netCredits))
                    .append("% net (of one month's fee)\n");
        }
        text.append("\nEscalations by the highest level reached: level 1 ").append(escalationsByLevel.get(1))
                .append(", level 2 ").append(escalationsByLevel.get(2)).append(", level 3 (steering committee) ")
                .append(escalationsByLevel.get(3)).append('\n');
        text.append("\nAction items due in the term: ").append(actions.agreed()).append(", done ").append(actions.done())
                .append(" (closure rate ").append(actions.closureRate() == null ? "n/a" : plain(actions.closureRate()) + "%")
                .append("), done late ").append(actions.doneLate())
                .append(actions.averageDaysLate() == null ? "" : " by " + plain(actions.averageDaysLate()) + " days on average")
                .append(", open past their date ").append(actions.overdueOpen()).append('\n');
        text.append("\nReview calls: ").append(reviewCalls).append(", rated ").append(ratedCalls)
                .append(satisfaction == null ? "" : ", average satisfaction " + plain(satisfaction) + " of 5").append('\n');
        text.append("On-site calls: ").append(travelInWords()).append('\n');
        text.append("\nShared achievements (initiatives adopted): ").append(sharedAchievements.isEmpty() ? "none"
                : String.join("; ", sharedAchievements)).append('\n');
        text.append("\nRelationship: ").append(relationshipInWords()).append('\n');
        return text.toString();
    }

    /** The on-site calls and their recorded travel in a sentence. */
    public String travelInWords() {
        if (travel.onSiteCalls() == 0) {
            return "none";
        }
        return travel.onSiteCalls() + (travel.onSiteCalls() == 1 ? " call" : " calls") + ", travel recorded "
                + plain(travel.hours()) + " hours and " + plain(travel.cost()) + " in cost";
    }

    /** The relationship survey's figures in a sentence. */
    public String relationshipInWords() {
        if (relationship.index() == null) {
            return "no survey round closed in the term";
        }
        return "index " + plain(relationship.index()) + " of 5 in the last of " + relationship.rounds() + " survey round"
                + (relationship.rounds() == 1 ? "" : "s") + (relationship.gap() == null ? ", one side answered"
                        : ", the sides " + plain(relationship.gap()) + " apart")
                + (relationship.atRisk() ? " (at risk)" : "");
    }

    static String plain(BigDecimal value) {
        return value == null ? "n/a" : value.stripTrailingZeros().toPlainString();
    }
}
