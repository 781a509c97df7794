package org.bpogovernance.partnership;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bpogovernance.audit.AuditTrail;
import org.bpogovernance.engagement.Engagement;
import org.bpogovernance.engagement.EngagementService;
import org.bpogovernance.engagement.Side;
import org.bpogovernance.engagement.Stakeholder;
import org.bpogovernance.engagement.StakeholderRole;
import org.bpogovernance.engagement.TierLevel;
import org.bpogovernance.partnership.RelationshipHealth.Figures;
import org.bpogovernance.partnership.RelationshipHealth.Trend;
import org.bpogovernance.partnership.SurveyRatings.Dimension;
import org.bpogovernance.platform.ConflictException;
import org.bpogovernance.platform.InvalidInputException;
import org.bpogovernance.platform.NotFoundException;
import org.bpogovernance.platform.PeopleDates;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The relationship survey: rounds opened on the engagement's rhythm, each side's people answering
 * without their names, and what the rounds come to — the index, its trend and the gap between the
 * sides — for the engagement, the portfolio, the term summary, the renewal recommendation and the
 * agenda of the next management or executive call.
 */
@Service
public class RelationshipHealthService {

    private static final String AUDIT_TYPE = EngagementService.AUDIT_TYPE;
    /** A change of the index smaller than this is no trend. */
    static final BigDecimal TREND_THRESHOLD = new BigDecimal("0.25");
    static final int MAX_COMMENT = 2000;
    /** The form fields of the five ratings, in the order the form shows them. */
    static final List<String> RATINGS = List.of(RelationshipSurveyProcess.ALIGNMENT, RelationshipSurveyProcess.COMMUNICATION,
            RelationshipSurveyProcess.PARTNERSHIP, RelationshipSurveyProcess.INNOVATION, RelationshipSurveyProcess.GOVERNANCE);

    /** A round just opened, and whom it asks. */
    record Opened(RelationshipSurvey survey, List<String> respondents) {
    }

    private final RelationshipSurveyRepository surveys;
    private final SurveyResponseRepository responses;
    private final EngagementService engagements;
    private final AuditTrail auditTrail;
    private final RelationshipSurveySettings settings;
    private final Clock clock;

    RelationshipHealthService(RelationshipSurveyRepository surveys, SurveyResponseRepository responses,
            EngagementService engagements, AuditTrail auditTrail, RelationshipSurveySettings settings, Clock clock) {
        this.surveys = surveys;
        this.responses = responses;
        this.engagements = engagements;
        this.auditTrail = auditTrail;
        this.settings = settings;
        this.clock = clock;
    }

    // ---- the rhythm and a round's life ---------------------------------------------------------

    /**
     * The timer cycle of the survey: every {@code every} from the start of the current term, at 09:00
     * in the engagement's zone, the first such moment still to come. Worked out from the term, not
     * from now, so the same engagement always gets the same rhythm however often it is evaluated.
     */
    @Transactional(readOnly = true)
    public String cycle(Long engagementId) {
        Engagement engagement = engagements.forProcess(engagementId);
        ZonedDateTime now = clock.instant().atZone(engagement.zone());
        LocalDate termStart = engagements.currentTerm(engagementId).getStartsOn();
        ZonedDateTime first = termStart.plus(settings.every()).atTime(LocalTime.of(9, 0)).atZone(engagement.zone());
        for (int rounds = 2; !first.isAfter(now); rounds++) {
            first = termStart.plus(settings.every().multipliedBy(rounds)).atTime(LocalTime.of(9, 0)).atZone(engagement.zone());
        }
        return "R/" + first.toOffsetDateTime() + "/" + settings.every();
    }

    /** Opens the next round: everyone of either side is asked, until {@code openFor} from now. */
    @Transactional
    Opened open(Long engagementId, String processInstanceId) {
        engagements.requireOpen(engagementId);
        Set<String> client = new LinkedHashSet<>();
        Set<String> provider = new LinkedHashSet<>();
        for (Stakeholder stakeholder : engagements.stakeholdersForProcess(engagementId)) {
            if (stakeholder.getRole() == StakeholderRole.GOVERNANCE_OFFICER || stakeholder.getSide() == null) {
                continue;
            }
            (stakeholder.getSide() == Side.CLIENT ? client : provider).add(stakeholder.getUserId());
        }
        provider.removeAll(client);
        int round = surveys.findTopByEngagementIdOrderByRoundNumberDesc(engagementId).map(s -> s.getRoundNumber() + 1)
                .orElse(1);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        RelationshipSurvey survey = surveys.save(new RelationshipSurvey(engagementId, round, now,
                now.plus(settings.openFor()), client.size(), provider.size(), processInstanceId));
        auditTrail.recordFor(processInstanceId, AUDIT_TYPE, engagementId, "RELATIONSHIP_SURVEY_OPENED",
                "Relationship survey, round " + round + ", open until "
                        + PeopleDates.dayAndTime(survey.getClosesAt(), engagements.forProcess(engagementId).zone())
                        + ": " + client.size() + " of the client's people and " + provider.size() + " of the provider's asked");
        List<String> respondents = new ArrayList<>(client);
        respondents.addAll(provider);
        return new Opened(survey, respondents);
    }

    /** What the form tells the person before they answer. */
    @Transactional(readOnly = true)
    String introduction(Long surveyId, String respondent) {
        RelationshipSurvey survey = find(surveyId);
        Engagement engagement = engagements.forProcess(survey.getEngagementId());
        Side side = sideOf(survey.getEngagementId(), respondent);
        int asked = side == Side.CLIENT ? survey.getClientInvited() : survey.getProviderInvited();
        String other = side == Side.CLIENT ? engagement.getProvider() : engagement.getClient();
        return "Round " + survey.getRoundNumber() + " of the relationship survey of " + engagement.getName()
                + ". You answer for the " + (side == Side.CLIENT ? "client" : "provider") + " side about the relationship and "
                + other + ", rating each of the five from 1 (poor) to 5 (excellent). Your answer is kept with your side only, "
                + "never with your name" + (asked == 1 ? " — but you are the only one of your side asked, so your side's figures are yours."
                        : "; " + asked + " of your side are asked.")
                + " The round closes " + PeopleDates.dayAndTime(survey.getClosesAt(), engagement.zone()) + ".";
    }

    /**
     * One person's answer: the five ratings (by form field), 1 to 5, and a comment. Only the person
     * asked answers, once, while the round is open; the answer keeps their side and the day, not who gave it.
     */
    @Transactional
    void answer(Long surveyId, String respondent, String answeredBy, Map<String, Integer> ratings, String comment) {
        RelationshipSurvey survey = find(surveyId);
        if (!respondent.equals(answeredBy)) {
            throw new AccessDeniedException("Only " + respondent + ", who was asked, answers this survey");
        }
        if (survey.getStatus() != RelationshipSurvey.Status.OPEN || !clock.instant().isBefore(survey.getClosesAt())) {
            throw new ConflictException("Round " + survey.getRoundNumber() + " of the relationship survey has closed");
        }
        List<InvalidInputException.Violation> violations = new ArrayList<>();
        for (String field : RATINGS) {
            Integer rating = ratings.get(field);
            if (rating == null) {
                violations.add(new InvalidInputException.Violation(field, "is required: rate it from 1 to 5"));
            } else if (rating < 1 || rating > 5) {
                violations.add(new InvalidInputException.Violation(field, "must be from 1 (poor) to 5 (excellent), not " + rating));
            }
        }
        if (comment != null && comment.length() > MAX_COMMENT) {
            violations.add(new InvalidInputException.Violation(RelationshipSurveyProcess.COMMENT,
                    "must be at most " + MAX_COMMENT + " characters"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        Engagement engagement = engagements.forProcess(survey.getEngagementId());
        responses.save(new SurveyResponse(surveyId, sideOf(survey.getEngagementId(), respondent),
                new SurveyRatings(ratings.get(RelationshipSurveyProcess.ALIGNMENT),
                        ratings.get(RelationshipSurveyProcess.COMMUNICATION), ratings.get(RelationshipSurveyProcess.PARTNERSHIP),
                        ratings.get(RelationshipSurveyProcess.INNOVATION), ratings.get(RelationshipSurveyProcess.GOVERNANCE)),
                comment == null || comment.isBlank() ? null : comment.strip(), LocalDate.now(clock.withZone(engagement.zone()))));
    }

    /** Closes the round: its index and gap; returns whether they put the relationship at risk. */
    @Transactional
    boolean close(Long surveyId) {
        RelationshipSurvey survey = find(surveyId);
        if (survey.getStatus() != RelationshipSurvey.Status.OPEN) {
            return survey.isAtRisk();
        }
        RelationshipHealth.Round round = round(survey, responses.findBySurveyIdOrderByIdAsc(surveyId), false, false);
        boolean atRisk = atRisk(round.index(), round.gap());
        survey.close(clock.instant(), atRisk);
        surveys.save(survey);
        auditTrail.recordFor(survey.getProcessInstanceId(), AUDIT_TYPE, survey.getEngagementId(),
                "RELATIONSHIP_SURVEY_CLOSED", "Relationship survey, round " + survey.getRoundNumber() + ": "
                        + inWords(round));
        return atRisk;
    }

    /** The closed round's result asks for the management or executive tier's attention. */
    @Transactional
    void flagAtRisk(Long surveyId) {
        RelationshipSurvey survey = find(surveyId);
        auditTrail.recordFor(survey.getProcessInstanceId(), AUDIT_TYPE, survey.getEngagementId(), "RELATIONSHIP_AT_RISK",
                "The relationship is on the agenda of the next management or executive call: index below "
                        + settings.lowIndex().toPlainString() + " or the sides more than " + settings.wideGap().toPlainString()
                        + " apart");
    }

    /** The engagement closed: a round still open ends with it, unanswered. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(EngagementService.EngagementClosed closed) {
        for (RelationshipSurvey survey : surveys.findByEngagementIdAndStatus(closed.engagementId(),
                RelationshipSurvey.Status.OPEN)) {
            survey.cancel(clock.instant());
            surveys.save(survey);
        }
    }

    // ---- reading -------------------------------------------------------------------------------

    /** For the API: every round of an engagement the caller may see, the last closed one's figures first. */
    @Transactional(readOnly = true)
    public RelationshipHealth health(Long engagementId) {
        engagements.get(engagementId);
        List<RelationshipSurvey> all = surveys.findByEngagementIdOrderByRoundNumberAsc(engagementId);
        Map<Long, List<SurveyResponse>> answers = responses.findBySurveyIdIn(all.stream().map(RelationshipSurvey::getId)
                .toList()).stream().collect(Collectors.groupingBy(SurveyResponse::surveyId));
        List<RelationshipHealth.Round> rounds = all.stream()
                .map(survey -> round(survey, answers.getOrDefault(survey.getId(), List.of()),
                        survey.getStatus() != RelationshipSurvey.Status.OPEN))
                .toList();
        Figures figures = figures(rounds);
        String words = figures.index() == null ? "No survey round has closed yet."
                : "Index " + plain(figures.index()) + " of 5 (" + trendInWords(figures.trend()) + ")"
                        + (figures.gap() == null ? "; only one side answered" : ", the sides " + plain(figures.gap()) + " apart")
                        + (figures.atRisk() ? " — at risk." : ".");
        return new RelationshipHealth(engagementId, figures.index(), figures.gap(), figures.trend(), figures.atRisk(), words,
                rounds);
    }

    /** For the portfolio: each engagement's figures from its closed rounds. */
    @Transactional(readOnly = true)
    public Map<Long, Figures> figuresOf(Collection<Long> engagementIds) {
        if (engagementIds.isEmpty()) {
            return Map.of();
        }
        List<RelationshipSurvey> closed = surveys.findByEngagementIdInAndStatusOrderByRoundNumberAsc(engagementIds,
                RelationshipSurvey.Status.CLOSED);
        Map<Long, List<SurveyResponse>> answers = responses.findBySurveyIdIn(closed.stream().map(RelationshipSurvey::getId)
                .toList()).stream().collect(Collectors.groupingBy(SurveyResponse::surveyId));
        Map<Long, List<RelationshipHealth.Round>> byEngagement = new HashMap<>();
        for (RelationshipSurvey survey : closed) {
            byEngagement.computeIfAbsent(survey.getEngagementId(), id -> new ArrayList<>())
                    .add(round(survey, answers.getOrDefault(survey.getId(), List.of()), false));
        }
        Map<Long, Figures> figures = new HashMap<>();
        byEngagement.forEach((id, rounds) -> figures.put(id, figures(rounds)));
        return figures;
    }

    /** For the portfolio's filter: engagements whose last closed round found the relationship at risk. */
    @Transactional(readOnly = true)
    public Set<Long> engagementsAtRisk() {
        return surveys.engagementsAtRisk();
    }

    /** For the term summary and the renewal recommendation: the rounds closed between two days (inclusive). */
    @Transactional(readOnly = true)
    public Figures figuresBetween(Long engagementId, LocalDate from, LocalDate to) {
        Engagement engagement = engagements.forProcess(engagementId);
        Instant start = from.atStartOfDay(engagement.zone()).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(engagement.zone()).toInstant();
        List<RelationshipSurvey> closed = surveys.findByEngagementIdAndStatus(engagementId, RelationshipSurvey.Status.CLOSED)
                .stream().filter(s -> !s.getClosedAt().isBefore(start) && s.getClosedAt().isBefore(end))
                .sorted(Comparator.comparingInt(RelationshipSurvey::getRoundNumber)).toList();
        return figures(closed.stream().map(s -> round(s, responses.findBySurveyIdOrderByIdAsc(s.getId()), false)).toList());
    }

    /**
     * The line a management or executive call's agenda takes up when the last closed round put the
     * relationship at risk; the first such call drafted after the round takes it, and keeps it when redrafted.
     */
    @Transactional
    public Optional<String> forAgenda(Long engagementId, Long reviewId, TierLevel tier) {
        if (tier == TierLevel.OPERATIONAL) {
            return Optional.empty();
        }
        Optional<RelationshipSurvey> last = surveys.findByEngagementIdAndStatus(engagementId, RelationshipSurvey.Status.CLOSED)
                .stream().max(Comparator.comparingInt(RelationshipSurvey::getRoundNumber));
        if (last.isEmpty() || !last.get().isAtRisk() || (last.get().getTabledOnReviewId() != null
                && !last.get().getTabledOnReviewId().equals(reviewId))) {
            return Optional.empty();
        }
        RelationshipSurvey survey = last.get();
        survey.tabledOn(reviewId);
        surveys.save(survey);
        RelationshipHealth.Round round = round(survey, responses.findBySurveyIdOrderByIdAsc(survey.getId()), false);
        String lowest = round.dimensions().stream()
                .filter(d -> mean(d.client(), d.provider()) != null)
                .min(Comparator.comparing(d -> mean(d.client(), d.provider())))
                .map(d -> "; lowest: " + d.name()).orElse("");
        return Optional.of("Relationship health (survey round " + survey.getRoundNumber() + "): " + inWords(round) + lowest);
    }

    // ---- arithmetic ----------------------------------------------------------------------------

    private RelationshipHealth.Round round(RelationshipSurvey survey, List<SurveyResponse> answers, boolean withComments) {
        return round(survey, answers, withComments, survey.getStatus() != RelationshipSurvey.Status.CLOSED);
    }

    private RelationshipHealth.Round round(RelationshipSurvey survey, List<SurveyResponse> answers, boolean withComments,
            boolean hidden) {
        List<SurveyResponse> client = shown(answers, Side.CLIENT, survey.getClientInvited());
        List<SurveyResponse> provider = shown(answers, Side.PROVIDER, survey.getProviderInvited());
        BigDecimal clientIndex = average(client.stream().map(a -> a.ratings().mean()).toList());
        BigDecimal providerIndex = average(provider.stream().map(a -> a.ratings().mean()).toList());
        BigDecimal index = mean(clientIndex, providerIndex);
        BigDecimal gap = clientIndex == null || providerIndex == null ? null : clientIndex.subtract(providerIndex).abs();
        List<RelationshipHealth.Dimension> dimensions = List.of(Dimension.values()).stream()
                .map(d -> new RelationshipHealth.Dimension(d.inWords,
                        average(client.stream().map(a -> (double) a.ratings().of(d)).toList()),
                        average(provider.stream().map(a -> (double) a.ratings().of(d)).toList())))
                .toList();
        List<RelationshipHealth.Comment> comments = withComments ? Stream.concat(client.stream(), provider.stream())
                .filter(a -> a.comment() != null)
                .map(a -> new RelationshipHealth.Comment(a.side(), a.comment()))
                .sorted(Comparator.comparing(RelationshipHealth.Comment::side).thenComparing(RelationshipHealth.Comment::text))
                .toList() : List.of();
        // While a round is open its figures are not shown: the first answers would tell who gave them.
        boolean open = hidden;
        return new RelationshipHealth.Round(survey.getRoundNumber(), survey.getStatus().name(), survey.getOpenedAt(),
                survey.getClosesAt(), survey.getClosedAt(), survey.getClientInvited(), answered(answers, Side.CLIENT),
                survey.getProviderInvited(), answered(answers, Side.PROVIDER), open ? null : clientIndex, open ? null : providerIndex,
                open ? null : index, open ? null : gap, survey.isAtRisk(), open ? List.of() : dimensions,
                open ? List.of() : comments);
    }

    /**
     * A side's answers, where enough of its people gave them to keep each anonymous: at least
     * {@code min-answers-per-side}, or everyone asked (a person alone on their side is told so by the form).
     */
    private List<SurveyResponse> shown(List<SurveyResponse> answers, Side side, int invited) {
        List<SurveyResponse> ofSide = answers.stream().filter(a -> a.side() == side).toList();
        return ofSide.size() >= Math.min(settings.minAnswersPerSide(), invited) ? ofSide : List.of();
    }

    private static int answered(List<SurveyResponse> answers, Side side) {
        return (int) answers.stream().filter(a -> a.side() == side).count();
    }

    private Figures figures(List<RelationshipHealth.Round> rounds) {
        List<RelationshipHealth.Round> scored = rounds.stream().filter(r -> r.index() != null).toList();
        if (scored.isEmpty()) {
            return Figures.NONE;
        }
        RelationshipHealth.Round last = scored.get(scored.size() - 1);
        Trend trend = Trend.NOT_ENOUGH_DATA;
        if (scored.size() > 1) {
            BigDecimal change = last.index().subtract(scored.get(scored.size() - 2).index());
            trend = change.compareTo(TREND_THRESHOLD) >= 0 ? Trend.IMPROVING
                    : change.compareTo(TREND_THRESHOLD.negate()) <= 0 ? Trend.DECLINING : Trend.STABLE;
        }
        return new Figures(last.index(), last.gap(), trend, last.atRisk(), scored.size());
    }

    private boolean atRisk(BigDecimal index, BigDecimal gap) {
        return index != null && index.compareTo(settings.lowIndex()) < 0
                || gap != null && gap.compareTo(settings.wideGap()) > 0;
    }

    private String inWords(RelationshipHealth.Round round) {
        if (round.index() == null) {
            return "nobody answered";
        }
        return "index " + plain(round.index()) + " of 5 (client " + plain(round.clientIndex()) + ", provider "
                + plain(round.providerIndex()) + (round.gap() == null ? "" : ", " + plain(round.gap()) + " apart") + "); "
                + round.clientAnswered() + " of " + round.clientInvited() + " client and " + round.providerAnswered() + " of "
                + round.providerInvited() + " provider people answered";
    }

    private static String trendInWords(Trend trend) {
        return switch (trend) {
            case IMPROVING -> "better than the round before";
            case DECLINING -> "worse than the round before";
            case STABLE -> "as in the round before";
            case NOT_ENOUGH_DATA -> "the first round";
        };
    }

    private Side sideOf(Long engagementId, String userId) {
        return engagements.stakeholdersForProcess(engagementId).stream()
                .filter(s -> s.getUserId().equals(userId) && s.getSide() != null
                        && s.getRole() != StakeholderRole.GOVERNANCE_OFFICER)
                .map(Stakeholder::getSide).min(Comparator.naturalOrder())
                .orElseThrow(() -> new AccessDeniedException(userId + " is on neither side of the engagement"));
    }

    private RelationshipSurvey find(Long surveyId) {
        return surveys.findById(surveyId).orElseThrow(() -> new NotFoundException("relationship survey", surveyId));
    }

    private static BigDecimal average(List<Double> values) {
        return values.isEmpty() ? null
                : BigDecimal.valueOf(values.stream().mapToDouble(Double::doubleValue).average().orElseThrow())
                        .setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal mean(BigDecimal a, BigDecimal b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return a.add(b).divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP);
    }

    static String plain(BigDecimal value) {
        return value == null ? "n/a" : value.stripTrailingZeros().toPlainString();
    }
}
