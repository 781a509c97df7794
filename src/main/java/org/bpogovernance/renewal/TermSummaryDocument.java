package org.bpogovernance.renewal;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bpogovernance.engagement.Engagement;
import org.bpogovernance.platform.Documents.Fact;
import org.bpogovernance.platform.Documents.Page;
import org.bpogovernance.platform.Documents.Section;
import org.bpogovernance.platform.PeopleDates;
import org.bpogovernance.security.UserDirectory;
import org.springframework.stereotype.Component;

/**
 * A term's summary as a document people keep (HTML or PDF): service levels month by month,
 * escalations, action items and review calls in words, and the renewal decision with who took it
 * and when, in the engagement's time zone.
 */
@Component
class TermSummaryDocument {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    private final UserDirectory users;

    TermSummaryDocument(UserDirectory users) {
        this.users = users;
    }

    static String fileName(TermSummary summary) {
        return "term-summary-" + summary.engagementId() + "-" + summary.term();
    }

    /** The summary; {@code review} is the term's renewal review, or null where none was opened. */
    Page page(Engagement engagement, TermSummary summary, RenewalReview review) {
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("Client", engagement.getClient()));
        facts.add(new Fact("Provider", engagement.getProvider()));
        facts.add(new Fact("Term", PeopleDates.span(summary.termStart(), summary.termEnd())));
        facts.add(new Fact("Notice by", PeopleDates.day(summary.noticeDate())));
        if (review != null && review.getRecommendation() != null) {
            facts.add(new Fact("Recommendation", decision(review.getRecommendation())));
        }
        facts.add(new Fact("Renewal decision", review == null || review.getDecision() == null ? "Not yet decided"
                : decision(review.getDecision()) + " — decided by " + name(review.getDecidedBy()) + ", "
                        + PeopleDates.dayAndTime(review.getDecidedAt(), engagement.zone())));

        List<Section> sections = new ArrayList<>();
        sections.add(Section.text("Service levels", summary.measuredFrom() == null ? "No month measured yet."
                : "Measured " + month(summary.measuredFrom()) + " to " + month(summary.measuredTo()) + ".\n"
                        + "Weighted attainment: " + percent(summary.attainment()) + " on average, " + trend(summary.trend())
                        + ".\nValues in breach: " + summary.breaches() + "; warnings: " + summary.warnings() + ".\n"
                        + "Service credits: " + percent(summary.creditsAccrued()) + " accrued, "
                        + percent(summary.creditsEarnedBack()) + " earned back, " + percent(summary.netCredits())
                        + " net, of one month's fee."));
        sections.add(Section.table("Attainment by month", List.of("Month", "Weighted attainment", "In breach", "Warnings"),
                summary.months().stream().map(m -> List.of(month(m.period()),
                        m.attainment() == null ? "not measured" : percent(m.attainment()), String.valueOf(m.red()),
                        String.valueOf(m.amber()))).toList(), "No month measured yet."));
        sections.add(Section.text("Escalations", "By the highest level they reached: level 1, "
                + summary.escalationsByLevel().getOrDefault(1, 0L) + "; level 2, " + summary.escalationsByLevel().getOrDefault(2, 0L)
                + "; level 3 (the steering committee), " + summary.topLevelEscalations() + "."));
        var actions = summary.actions();
        sections.add(Section.text("Action items", actions.agreed() + " due in the term, " + actions.done() + " done"
                + (actions.closureRate() == null ? "" : " (" + percent(actions.closureRate()) + ")") + ", "
                + actions.doneLate() + " of them late" + (actions.averageDaysLate() == null ? ""
                        : " by " + TermSummary.plain(actions.averageDaysLate()) + " days on average")
                + "; " + actions.overdueOpen() + " still open past their date."));
        sections.add(Section.text("Review calls", summary.reviewCalls() + " held, " + summary.ratedCalls() + " rated"
                + (summary.satisfaction() == null ? "." : "; the client's satisfaction "
                        + TermSummary.plain(summary.satisfaction()) + " of 5 on average.")));
        sections.add(Section.text("On-site calls", summary.travel().onSiteCalls() == 0 ? "No review call met on site."
                : "Review calls on site: " + summary.travelInWords() + "."));
        sections.add(Section.text("Shared achievements", summary.sharedAchievements().isEmpty()
                ? "No improvement initiative was adopted in the term."
                : "Improvement initiatives adopted in the term:\n" + String.join("\n", summary.sharedAchievements())));
        sections.add(Section.text("Relationship", "How both sides rated their relationship: "
                + summary.relationshipInWords() + "."));
        if (review != null && review.getRationale() != null) {
            sections.add(Section.text("Why", review.getRationale()));
        }
        return new Page("Term summary — term " + summary.term(), engagement.getName() + " (contract "
                + engagement.getContractReference() + ")", facts, sections, "Term " + summary.term() + " of engagement "
                + engagement.getId() + " · BPO Governance");
    }

    private static String decision(RenewalReview.Decision decision) {
        return switch (decision) {
            case RENEW -> "Renew";
            case RENEGOTIATE -> "Renegotiate";
            case EXIT -> "Exit";
        };
    }

    private static String trend(TermSummary.Trend trend) {
        return switch (trend) {
            case IMPROVING -> "improving";
            case STABLE -> "stable";
            case DECLINING -> "declining";
            case NOT_ENOUGH_DATA -> "too few months for a trend";
        };
    }

    private static String month(String period) {
        try {
            return MONTH.format(YearMonth.parse(period));
        } catch (RuntimeException notAMonth) {
            return period;
        }
    }

    private static String percent(java.math.BigDecimal value) {
        return value == null ? "not measured" : TermSummary.plain(value) + " %";
    }

    private String name(String userId) {
        return userId == null ? "" : users.find(userId).map(UserDirectory.Person::displayName).orElse(userId);
    }
}
