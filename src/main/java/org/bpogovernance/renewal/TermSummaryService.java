package org.bpogovernance.renewal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.bpogovernance.action.ActionItemService;
import org.bpogovernance.engagement.Engagement;
import org.bpogovernance.engagement.EngagementService;
import org.bpogovernance.engagement.Term;
import org.bpogovernance.escalation.EscalationService;
import org.bpogovernance.improvement.InitiativeService;
import org.bpogovernance.partnership.RelationshipHealthService;
import org.bpogovernance.platform.Documents;
import org.bpogovernance.platform.SpreadsheetCsv;
import org.bpogovernance.review.OnSiteVisits;
import org.bpogovernance.review.ReviewService;
import org.bpogovernance.servicelevel.Health;
import org.bpogovernance.servicelevel.Scorecard;
import org.bpogovernance.servicelevel.ScorecardService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Computes a term's performance summary from the scorecards, escalations, action items and review calls. */
@Service
public class TermSummaryService {

    /** A month-on-month change of attainment below this (in points) is no trend. */
    static final BigDecimal TREND_THRESHOLD = BigDecimal.ONE;

    private final EngagementService engagements;
    private final ScorecardService scorecards;
    private final EscalationService escalations;
    private final ActionItemService actionItems;
    private final ReviewService reviews;
    private final RenewalReviewRepository renewalReviews;
    private final InitiativeService initiatives;
    private final RelationshipHealthService relationshipHealth;
    private final OnSiteVisits visits;
    private final TermSummaryDocument document;
    private final Clock clock;

    TermSummaryService(EngagementService engagements, ScorecardService scorecards, EscalationService escalations,
            ActionItemService actionItems, ReviewService reviews, RenewalReviewRepository renewalReviews,
            InitiativeService initiatives, RelationshipHealthService relationshipHealth, OnSiteVisits visits,
            TermSummaryDocument document, Clock clock) {
        this.initiatives = initiatives;
        this.visits = visits;
        this.relationshipHealth = relationshipHealth;
        this.engagements = engagements;
        this.scorecards = scorecards;
        this.escalations = escalations;
        this.actionItems = actionItems;
        this.reviews = reviews;
        this.renewalReviews = renewalReviews;
        this.document = document;
        this.clock = clock;
    }

    /** For the API: a term of an engagement the caller may see. */
    @Transactional(readOnly = true)
    public TermSummary of(Long engagementId, int termNumber) {
        return summarise(engagements.get(engagementId), engagements.term(engagementId, termNumber));
    }

    /** For process steps: the engagement's current term. */
    @Transactional(readOnly = true)
    public TermSummary ofCurrentTerm(Long engagementId) {
        return summarise(engagements.forProcess(engagementId), engagements.currentTerm(engagementId));
    }

    /** For the API: a term's summary as a document, with its renewal decision where taken. */
    @Transactional(readOnly = true)
    public Documents.Page document(Long engagementId, int termNumber) {
        return page(of(engagementId, termNumber));
    }

    /** For the mail that tells the decision: the current term's summary as a document. */
    @Transactional(readOnly = true)
    public Documents.Page documentOfCurrentTerm(Long engagementId) {
        return page(ofCurrentTerm(engagementId));
    }

    private Documents.Page page(TermSummary summary) {
        return document.page(engagements.forProcess(summary.engagementId()), summary,
                renewalReviews.findByEngagementIdAndTermNumber(summary.engagementId(), summary.term()).orElse(null));
    }

    private TermSummary summarise(Engagement engagement, Term term) {
        YearMonth first = YearMonth.from(term.getStartsOn());
        YearMonth lastComplete = YearMonth.now(clock.withZone(engagement.zone())).minusMonths(1);
        YearMonth last = YearMonth.from(term.getEndsOn()).isBefore(lastComplete) ? YearMonth.from(term.getEndsOn())
                : lastComplete;

        List<TermSummary.Month> months = new ArrayList<>();
        Scorecard lastCard = null;
        for (YearMonth period = first; !period.isAfter(last); period = period.plusMonths(1)) {
            Scorecard card = scorecards.of(engagement.getId(), period);
            int red = (int) card.metrics().stream().filter(line -> line.health() == Health.RED).count();
            int amber = (int) card.metrics().stream().filter(line -> line.health() == Health.AMBER).count();
            months.add(new TermSummary.Month(period.toString(), card.weightedAttainment(), red, amber));
            lastCard = card;
        }
        List<BigDecimal> attained = months.stream().map(TermSummary.Month::attainment).filter(a -> a != null).toList();

        var followThrough = actionItems.followThrough(engagement.getId(), term.getStartsOn(), term.getEndsOn());
        var satisfaction = reviews.satisfaction(engagement.getId(), first, YearMonth.from(term.getEndsOn()));
        var byLevel = escalations.levelsReached(engagement.getId(),
                term.getStartsOn().atStartOfDay(engagement.zone()).toInstant(),
                term.getEndsOn().plusDays(1).atStartOfDay(engagement.zone()).toInstant());
        return new TermSummary(engagement.getId(), engagement.getName(), term.getNumber(), term.getStartsOn(),
                term.getEndsOn(), term.getNoticeDate(), months.isEmpty() ? null : first.toString(),
                months.isEmpty() ? null : last.toString(), average(attained), trend(attained),
                months, months.stream().mapToInt(TermSummary.Month::red).sum(),
                months.stream().mapToInt(TermSummary.Month::amber).sum(),
                lastCard == null ? BigDecimal.ZERO : lastCard.creditsAccruedToDate(),
                lastCard == null ? BigDecimal.ZERO : lastCard.creditsEarnedBackToDate(),
                lastCard == null ? BigDecimal.ZERO : lastCard.netCreditsToDate(), byLevel, followThrough,
                satisfaction.calls(), satisfaction.rated(), satisfaction.average(),
                initiatives.adoptedBetween(engagement.getId(), term.getStartsOn(), term.getEndsOn()).stream()
                        .map(i -> i.getTitle() + " (" + i.benefitInWords() + ")").toList(),
                relationshipHealth.figuresBetween(engagement.getId(), term.getStartsOn(), term.getEndsOn()),
                visits.travelBetween(engagement.getId(), term.getStartsOn(), term.getEndsOn()));
    }

    private static BigDecimal average(List<BigDecimal> values) {
        if (values.isEmpty()) {
            return null;
        }
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(values.size()), 2, RoundingMode.HALF_UP);
    }

    /** The last (up to) three measured months against the first three; half each when fewer than six. */
    static TermSummary.Trend trend(List<BigDecimal> attained) {
        if (attained.size() < 2) {
            return TermSummary.Trend.NOT_ENOUGH_DATA;
        }
        int span = Math.min(3, attained.size() / 2);
        BigDecimal change = average(attained.subList(attained.size() - span, attained.size()))
                .subtract(average(attained.subList(0, span)));
        if (change.compareTo(TREND_THRESHOLD) >= 0) {
            return TermSummary.Trend.IMPROVING;
        }
        return change.compareTo(TREND_THRESHOLD.negate()) <= 0 ? TermSummary.Trend.DECLINING : TermSummary.Trend.STABLE;
    }

    /** The summary as CSV: one line per figure ({@code section,item,value}), the months last. */
    static String csv(TermSummary summary) {
        return SpreadsheetCsv.write(List.of("section", "item", "value"), csv -> {
            csv.row("term", "number", summary.term());
            csv.row("term", "start", summary.termStart());
            csv.row("term", "end", summary.termEnd());
            csv.row("term", "notice date", summary.noticeDate());
            csv.row("service levels", "measured from", summary.measuredFrom());
            csv.row("service levels", "measured to", summary.measuredTo());
            csv.row("service levels", "attainment", summary.attainment());
            csv.row("service levels", "trend", summary.trend());
            csv.row("service levels", "breaches", summary.breaches());
            csv.row("service levels", "warnings", summary.warnings());
            csv.row("credits", "accrued", summary.creditsAccrued());
            csv.row("credits", "earned back", summary.creditsEarnedBack());
            csv.row("credits", "net", summary.netCredits());
            for (var level : summary.escalationsByLevel().entrySet()) {
                csv.row("escalations", "level " + level.getKey(), level.getValue());
            }
            csv.row("action items", "agreed", summary.actions().agreed());
            csv.row("action items", "done", summary.actions().done());
            csv.row("action items", "closure rate", summary.actions().closureRate());
            csv.row("action items", "done late", summary.actions().doneLate());
            csv.row("action items", "average days late", summary.actions().averageDaysLate());
            csv.row("action items", "open past their date", summary.actions().overdueOpen());
            csv.row("review calls", "held", summary.reviewCalls());
            csv.row("review calls", "rated", summary.ratedCalls());
            csv.row("review calls", "average satisfaction", summary.satisfaction());
            csv.row("on-site calls", "held", summary.travel().onSiteCalls());
            csv.row("on-site calls", "travel hours", summary.travel().hours());
            csv.row("on-site calls", "travel cost", summary.travel().cost());
            for (String achievement : summary.sharedAchievements()) {
                csv.row("shared achievements", "adopted", achievement);
            }
            csv.row("relationship", "index", summary.relationship().index());
            csv.row("relationship", "gap between the sides", summary.relationship().gap());
            csv.row("relationship", "trend", summary.relationship().trend());
            for (TermSummary.Month month : summary.months()) {
                csv.row("attainment by month", month.period(), month.attainment());
            }
        });
    }
}
