package org.bpogovernance.review;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.bpogovernance.action.ActionItem;
import org.bpogovernance.action.ActionItemService;
import org.bpogovernance.audit.AuditTrail;
import org.bpogovernance.engagement.Engagement;
import org.bpogovernance.engagement.EngagementService;
import org.bpogovernance.engagement.GovernanceTier;
import org.bpogovernance.engagement.Stakeholder;
import org.bpogovernance.engagement.StakeholderRole;
import org.bpogovernance.engagement.TierLevel;
import org.bpogovernance.escalation.EscalationService;
import org.bpogovernance.improvement.InitiativeService;
import org.bpogovernance.partnership.RelationshipHealthService;
import org.bpogovernance.platform.DecisionTables;
import org.bpogovernance.platform.InvalidInputException.Violation;
import org.bpogovernance.platform.InvalidInputException;
import org.bpogovernance.platform.NotFoundException;
import org.bpogovernance.platform.PeopleDates;
import org.bpogovernance.servicelevel.Health;
import org.bpogovernance.servicelevel.Scorecard;
import org.bpogovernance.servicelevel.ScorecardService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Milestone review calls up to the call itself: when each tier's next call is due, the agenda
 * drafted from exceptions and prepared by the officer, the performance pack, scheduling with
 * invites, and the participants' answers.
 */
@Service
public class ReviewService {

    static final int EXCEPTION_MINUTES = 5;
    static final int MAX_EXCEPTION_LINES = 10;

    /** The next call of an engagement on its cadence: which tier, which period, when preparation starts. */
    public record NextCall(TierLevel tier, int sequence, YearMonth from, YearMonth to, OffsetDateTime startsAt) {
    }

    /** A line of the agenda form. */
    /** The agenda_item.title column. */
    static final int MAX_AGENDA_TITLE = 300;

    public record AgendaLine(String title, String owner, Integer timeboxMinutes, String source) {
    }

    /** What the schedule form suggests. */
    public record Proposal(LocalDate date, LocalTime time, int minutes, String format, String site, String link, String host,
            String instructions) {
    }

    /** A scheduled (or moved) call: who is invited, when they must answer, when it starts, who hosts it on site (or null). */
    public record Scheduled(List<String> invitees, OffsetDateTime attendanceDeadline, OffsetDateTime startsAt, String visitHost) {
    }

    private final ReviewRepository reviews;
    private final AgendaItemRepository agendaItems;
    private final AttendanceRepository attendances;
    private final ReviewCalls calls;
    private final EngagementService engagements;
    private final MeetingService meetings;
    private final MilestoneService milestones;
    private final ActionItemService actionItems;
    private final EscalationService escalations;
    private final ScorecardService scorecards;
    private final InitiativeService initiatives;
    private final RelationshipHealthService relationshipHealth;
    private final OnSiteVisits visits;
    private final ReviewSettings settings;
    private final AuditTrail auditTrail;
    private final DecisionTables decisionTables;
    private final Clock clock;

    ReviewService(ReviewRepository reviews, AgendaItemRepository agendaItems, AttendanceRepository attendances,
            ReviewCalls calls, EngagementService engagements, MeetingService meetings, MilestoneService milestones,
            ActionItemService actionItems, EscalationService escalations, ScorecardService scorecards,
            InitiativeService initiatives, RelationshipHealthService relationshipHealth, OnSiteVisits visits, ReviewSettings settings, AuditTrail auditTrail,
            DecisionTables decisionTables, Clock clock) {
        this.reviews = reviews;
        this.agendaItems = agendaItems;
        this.attendances = attendances;
        this.calls = calls;
        this.engagements = engagements;
        this.meetings = meetings;
        this.milestones = milestones;
        this.actionItems = actionItems;
        this.escalations = escalations;
        this.scorecards = scorecards;
        this.initiatives = initiatives;
        this.relationshipHealth = relationshipHealth;
        this.visits = visits;
        this.settings = settings;
        this.auditTrail = auditTrail;
        this.decisionTables = decisionTables;
        this.clock = clock;
    }

    // ---- the cadence -------------------------------------------------------------------------

    /**
     * The engagement's next call: for each tier, the period after its last call (or the period
     * containing today), reviewed from the first day after it ends; the earliest of the tiers.
     * Empty when no tier has a whole period left in the term.
     */
    @Transactional(readOnly = true)
    public Optional<NextCall> nextCall(Long engagementId) {
        Engagement engagement = engagements.forProcess(engagementId);
        return engagement.getTiers().stream()
                .map(tier -> nextCallOf(engagement, tier))
                .flatMap(Optional::stream)
                .min(Comparator.comparing(NextCall::startsAt));
    }

    private Optional<NextCall> nextCallOf(Engagement engagement, GovernanceTier tier) {
        return nextCallOf(engagement, tier, YearMonth.now(clock.withZone(engagement.zone())), null);
    }

    /**
     * The tier's next call: the period after its last call, or, where no call came before or the
     * tier paused for longer than a period, the one containing {@code current}; {@code given}
     * overrides that (the demo's call of last month).
     */
    private Optional<NextCall> nextCallOf(Engagement engagement, GovernanceTier tier, YearMonth current, YearMonth given) {
        int months = tier.getCadence().months();
        YearMonth anchor = YearMonth.from(engagement.getTermStart());
        Optional<Review> last = reviews.findFirstByEngagementIdAndTierOrderBySequenceDesc(engagement.getId(), tier.getTier());
        YearMonth from;
        if (given != null && last.isEmpty()) {
            from = given;
        } else if (last.isPresent()) {
            from = YearMonth.parse(last.get().getPeriodTo()).plusMonths(1);
            // after a pause (the renewal window, a renewal decided late) the tier resumes with the period
            // containing current, as a first call would: the periods missed meanwhile are not called all at once
            while (!from.plusMonths(months).isAfter(current)) {
                from = from.plusMonths(months);
            }
        } else {
            long elapsed = Math.max(0, ChronoUnit.MONTHS.between(anchor, current));
            from = anchor.plusMonths(elapsed / months * months);
        }
        YearMonth to = from.plusMonths(months - 1L);
        if (to.isAfter(YearMonth.from(engagement.getTermEnd()))) {
            return Optional.empty();
        }
        OffsetDateTime startsAt = to.plusMonths(1).atDay(1).atTime(settings.preparationStartsAt())
                .atZone(engagement.zone()).toOffsetDateTime();
        return Optional.of(new NextCall(tier.getTier(), last.map(r -> r.getSequence() + 1).orElse(1), from, to, startsAt));
    }

    /**
     * The calls planned for {@code plannedAt}: every tier whose next call falls due by then (a
     * monthly and a quarterly call can fall on the same day), each reviewing its period as it was
     * when the call was planned — the period that ended before {@code plannedAt}, not the one the
     * clock is in when the timer fires.
     */
    @Transactional
    public List<Review> startDue(Long engagementId, OffsetDateTime plannedAt) {
        Engagement engagement = engagements.forProcess(engagementId);
        YearMonth endedPeriod = YearMonth.from(plannedAt.atZoneSameInstant(engagement.zone())).minusMonths(1);
        List<Review> started = new ArrayList<>();
        for (GovernanceTier tier : engagement.getTiers()) {
            nextCallOf(engagement, tier, endedPeriod, null)
                    .filter(next -> !next.startsAt().isAfter(plannedAt))
                    .ifPresent(next -> started.add(open(engagement, tier, next)));
        }
        return started;
    }

    /** The first call of a tier for a period of one's choosing: the demo's call of last month. */
    @Transactional
    Review start(Long engagementId, TierLevel tierLevel, YearMonth from) {
        Engagement engagement = engagements.forProcess(engagementId);
        GovernanceTier tier = engagement.getTiers().stream().filter(t -> t.getTier() == tierLevel).findFirst()
                .orElseThrow(() -> new IllegalStateException("engagement " + engagementId + " has no " + tierLevel + " tier"));
        NextCall next = nextCallOf(engagement, tier, YearMonth.now(clock.withZone(engagement.zone())), from)
                .orElseThrow(() -> new IllegalStateException("no " + tierLevel + " period is left in the term"));
        return open(engagement, tier, next);
    }

    /** Opens the review of the call and starts its milestone-review process. */
    private Review open(Engagement engagement, GovernanceTier tier, NextCall next) {
        Long engagementId = engagement.getId();
        Review review = reviews.save(new Review(engagementId, tier.getTier(), next.sequence(), next.from().toString(),
                next.to().toString(), tier.getMeetingMinutes(), Instant.now(clock)));
        review.runsIn(calls.start(engagement, engagements.holderOrNull(engagementId, StakeholderRole.GOVERNANCE_OFFICER),
                review));
        auditTrail.record(EngagementService.AUDIT_TYPE, engagementId, "REVIEW_STARTED", review.title());
        return reviews.save(review);
    }

    /** The review calls of periods from one month to another, how many were rated, and their average rating. */
    public record Satisfaction(int calls, int rated, BigDecimal average) {
    }

    @Transactional(readOnly = true)
    public Satisfaction satisfaction(Long engagementId, YearMonth from, YearMonth to) {
        List<Review> calls = reviews.findByEngagementIdOrderByIdAsc(engagementId).stream()
                .filter(r -> !YearMonth.parse(r.getPeriodFrom()).isBefore(from) && !YearMonth.parse(r.getPeriodFrom()).isAfter(to))
                .toList();
        List<Integer> scores = calls.stream().map(Review::getSatisfactionScore).filter(java.util.Objects::nonNull).toList();
        return new Satisfaction(calls.size(), scores.size(), scores.isEmpty() ? null
                : BigDecimal.valueOf(scores.stream().mapToInt(Integer::intValue).average().orElse(0))
                        .setScale(2, java.math.RoundingMode.HALF_UP));
    }

    // ---- the agenda --------------------------------------------------------------------------

    /**
     * A draft built from exceptions, not everything: metrics in AMBER or RED in the reviewed
     * month, overdue action items, open escalations, milestones at risk or falling due before the
     * next call, improvement initiatives due (a decision, a benefits review) or at risk, and (first,
     * on a management or executive call) a relationship the last survey round found at risk, between
     * the standing items. Exceptions get five minutes each while they fit the
     * meeting; the rest are listed together in one item.
     */
    @Transactional
    public List<AgendaItem> draftAgenda(Long reviewId) {
        Review review = find(reviewId);
        Engagement engagement = engagements.forProcess(review.getEngagementId());
        String officer = Optional.ofNullable(engagements.holderOrNull(engagement.getId(), StakeholderRole.GOVERNANCE_OFFICER))
                .orElse(engagements.holderOf(engagement.getId(), StakeholderRole.CLIENT_REPRESENTATIVE));
        String provider = engagements.holderOf(engagement.getId(), StakeholderRole.PROVIDER_MANAGER);

        List<AgendaLine> exceptions = new ArrayList<>();
        Scorecard card = scorecards.of(engagement.getId(), YearMonth.parse(review.getPeriodTo()));
        for (Scorecard.Line line : card.metrics()) {
            if (line.health() == Health.RED || line.health() == Health.AMBER) {
                exceptions.add(new AgendaLine(line.code() + " " + line.name() + " " + line.health().name().toLowerCase()
                        + " in " + YearMonth.parse(card.period()).format(MONTH) + ": " + quantity(line.value(), line.unit())
                        + " against a target of " + quantity(line.target(), line.unit()), provider, EXCEPTION_MINUTES,
                        AgendaItem.Source.EXCEPTION.name()));
            }
        }
        for (ActionItem item : actionItems.overdue(engagement.getId())) {
            exceptions.add(new AgendaLine("Overdue action: " + item.getDescription() + " (" + item.getOwner() + ", due "
                    + PeopleDates.day(item.getDueDate()) + ")", item.getOwner(), EXCEPTION_MINUTES, AgendaItem.Source.EXCEPTION.name()));
        }
        for (String subject : escalations.openSubjects(engagement.getId())) {
            exceptions.add(new AgendaLine("Open escalation: " + subject, officer, EXCEPTION_MINUTES,
                    AgendaItem.Source.EXCEPTION.name()));
        }
        LocalDate nextPeriodEnd = YearMonth.parse(review.getPeriodTo()).plusMonths(
                engagement.getTiers().stream().filter(t -> t.getTier() == review.getTier()).findFirst()
                        .map(t -> t.getCadence().months()).orElse(1)).atEndOfMonth();
        for (Milestone milestone : milestones.needingAttention(engagement.getId(), nextPeriodEnd)) {
            exceptions.add(new AgendaLine("Milestone " + (milestone.getStatus() == Milestone.Status.AT_RISK ? "at risk" : "due")
                    + ": " + milestone.getTitle() + " (due " + PeopleDates.day(milestone.getDueDate()) + ")", milestone.getOwner(),
                    EXCEPTION_MINUTES, AgendaItem.Source.EXCEPTION.name()));
        }

        for (InitiativeService.AgendaNote note : initiatives.forAgenda(engagement.getId(), nextPeriodEnd)) {
            exceptions.add(new AgendaLine(note.title(), note.owner(), EXCEPTION_MINUTES, AgendaItem.Source.EXCEPTION.name()));
        }
        relationshipHealth.forAgenda(engagement.getId(), review.getId(), review.getTier()).ifPresent(title ->
                exceptions.add(0, new AgendaLine(title, officer, EXCEPTION_MINUTES, AgendaItem.Source.EXCEPTION.name())));

        List<AgendaLine> draft = new ArrayList<>();
        draft.add(new AgendaLine("Welcome, objectives and the actions of the last call", officer, 5,
                AgendaItem.Source.STANDING.name()));
        draft.add(new AgendaLine("Performance of " + review.periodInWords() + " against the service levels", provider, 10,
                AgendaItem.Source.STANDING.name()));
        int closing = 5;
        // At most ten lines of exceptions, so the draft fits the agenda field of the form.
        int fit = Math.min(MAX_EXCEPTION_LINES, Math.max(0, (review.getMeetingMinutes() - 15 - closing) / EXCEPTION_MINUTES));
        if (exceptions.size() <= fit) {
            draft.addAll(exceptions);
        } else if (fit > 0) {
            draft.addAll(exceptions.subList(0, fit - 1));
            String titles = exceptions.subList(fit - 1, exceptions.size()).stream().map(AgendaLine::title)
                    .collect(Collectors.joining("; "));
            draft.add(new AgendaLine("Further exceptions (read ahead): " + titles, officer, EXCEPTION_MINUTES,
                    AgendaItem.Source.EXCEPTION.name()));
        }
        draft.add(new AgendaLine("Decisions, new actions and any other business", officer, closing,
                AgendaItem.Source.STANDING.name()));
        List<AgendaItem> saved = replaceAgenda(review, draft.stream().map(line -> new AgendaLine(
                cut(line.title(), MAX_AGENDA_TITLE), line.owner(), line.timeboxMinutes(), line.source())).toList());
        review.prepare("Review " + review.period() + " against the service levels; agree actions on the exceptions.");
        reviews.save(review);
        return saved;
    }

    @Transactional(readOnly = true)
    public List<AgendaLine> agendaLines(Long reviewId) {
        return agendaItems.findByReviewIdOrderByPositionAsc(reviewId).stream()
                .map(item -> new AgendaLine(item.getTitle(), item.getOwner(), item.getTimeboxMinutes(), item.getSource().name()))
                .toList();
    }

    /** The engagement's people, one per line ("clara — Clara Client, client representative"), for the forms. */
    @Transactional(readOnly = true)
    public String participants(Long engagementId) {
        return engagements.peopleInWords(engagementId);
    }

    /**
     * The agenda as the officer prepared it: objectives, and items each with a title, an owner on
     * the engagement and a timebox; the timeboxes together must fit the meeting.
     */
    @Transactional
    public List<AgendaItem> prepareAgenda(Long reviewId, String objectives, List<AgendaLine> lines) {
        Review review = find(reviewId);
        review.requireStatus(Review.Status.PREPARING);
        List<Violation> violations = new ArrayList<>();
        if (objectives == null || objectives.isBlank()) {
            violations.add(new Violation(ReviewCallProcess.OBJECTIVES, "are required: what the call should achieve"));
        } else if (objectives.length() > 2000) {
            violations.add(new Violation(ReviewCallProcess.OBJECTIVES, "must be at most 2000 characters"));
        }
        if (lines.isEmpty()) {
            violations.add(new Violation(ReviewCallProcess.AGENDA_ITEMS, "needs at least one item"));
        }
        int total = 0;
        for (int i = 0; i < lines.size(); i++) {
            AgendaLine line = lines.get(i);
            String path = ReviewCallProcess.AGENDA_ITEMS + "[" + i + "]";
            if (line.title() == null || line.title().isBlank()) {
                violations.add(new Violation(path + ".title", "is required"));
            } else if (line.title().length() > MAX_AGENDA_TITLE) {
                violations.add(new Violation(path + ".title", "must be at most " + MAX_AGENDA_TITLE + " characters"));
            }
            if (line.owner() == null || line.owner().isBlank()) {
                violations.add(new Violation(path + ".owner", "is required: who leads the item"));
            } else if (!engagements.isStakeholder(review.getEngagementId(), line.owner().trim())) {
                violations.add(new Violation(path + ".owner", line.owner() + " is not a stakeholder of the engagement"));
            }
            if (line.timeboxMinutes() == null || line.timeboxMinutes() < 1 || line.timeboxMinutes() > review.getMeetingMinutes()) {
                violations.add(new Violation(path + ".timeboxMinutes", "must be between 1 and " + review.getMeetingMinutes()
                        + " minutes"));
            } else {
                total += line.timeboxMinutes();
            }
        }
        if (total > review.getMeetingMinutes()) {
            violations.add(new Violation(ReviewCallProcess.AGENDA_ITEMS, "the timeboxes total " + total
                    + " minutes, but the call lasts " + review.getMeetingMinutes() + "; shorten or drop items"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        Map<String, AgendaItem.Source> drafted = new java.util.HashMap<>();
        agendaItems.findByReviewIdOrderByPositionAsc(reviewId).forEach(item -> drafted.put(item.getTitle(), item.getSource()));
        List<AgendaLine> cleaned = lines.stream().map(line -> new AgendaLine(line.title().trim(), line.owner().trim(),
                line.timeboxMinutes(), line.source() != null ? sourceOf(line.source()).name()
                        : drafted.getOrDefault(line.title().trim(), AgendaItem.Source.OFFICER).name())).toList();
        List<AgendaItem> saved = replaceAgenda(review, cleaned);
        review.prepare(objectives.trim());
        reviews.save(review);
        auditTrail.record(EngagementService.AUDIT_TYPE, review.getEngagementId(), "AGENDA_PREPARED",
                review.title() + ": " + saved.size() + " items, " + total + " of " + review.getMeetingMinutes() + " minutes");
        return saved;
    }

    private List<AgendaItem> replaceAgenda(Review review, List<AgendaLine> lines) {
        agendaItems.deleteByReviewId(review.getId());
        List<AgendaItem> saved = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            AgendaLine line = lines.get(i);
            saved.add(agendaItems.save(new AgendaItem(review.getId(), i + 1, line.title(), line.owner(),
                    line.timeboxMinutes(), sourceOf(line.source()))));
        }
        return saved;
    }

    // ---- the performance pack ----------------------------------------------------------------

    /** Attaches the scorecard of the reviewed period's last month to the review, as a summary all can read. */
    @Transactional
    public String attachScorecard(Long reviewId) {
        Review review = find(reviewId);
        Scorecard card = scorecards.of(review.getEngagementId(), YearMonth.parse(review.getPeriodTo()));
        StringBuilder summary = new StringBuilder("Scorecard " + card.period() + ": weighted attainment "
                + (card.weightedAttainment() == null ? "n/a" : plain(card.weightedAttainment()) + "%")
                + "; service credits due " + plain(card.creditsDueThisPeriod()) + "% of the period's fee, net "
                + plain(card.netCreditsToDate()) + "% to date.");
        for (Scorecard.Line line : card.metrics()) {
            summary.append("\n- ").append(line.code()).append(' ').append(line.name()).append(": ")
                    .append(line.value() == null ? "no value" : quantity(line.value(), line.unit()) + ", "
                            + line.health().name().toLowerCase())
                    .append(" (target ").append(quantity(line.target(), line.unit())).append(')');
        }
        if (!card.missingMetrics().isEmpty()) {
            summary.append("\nNo value yet: ").append(String.join(", ", card.missingMetrics()));
        }
        review.attachScorecard(cut(summary.toString(), 20000));
        reviews.save(review);
        return review.getScorecardSummary();
    }

    // ---- scheduling and attendance -----------------------------------------------------------

    /** The schedule form's suggestion: some days after preparation began, the tier's length, the decided format. */
    @Transactional(readOnly = true)
    public Proposal proposal(Long reviewId, String format) {
        Review review = find(reviewId);
        Engagement engagement = engagements.forProcess(review.getEngagementId());
        LocalDate date = review.getStartedAt().atZone(engagement.zone()).toLocalDate()
                .plusDays(settings.suggestedCallAfterDays());
        LocalDate today = LocalDate.now(clock.withZone(engagement.zone()));
        if (!date.isAfter(today)) {
            date = today.plusDays(1);
        }
        // both the site and the link: the form shows the one the chosen format needs
        return new Proposal(date, settings.suggestedCallTime(), review.getMeetingMinutes(), format,
                engagement.getSiteAddress(), engagement.getRemoteMeetingLink(), visits.suggestedHost(engagement.getId()),
                visits.suggestedInstructions(engagement.getId()));
    }

    /** Schedules the call: a meeting with the agenda; every stakeholder gets the invite; the participants answer. */
    @Transactional
    public Scheduled schedule(Long reviewId, LocalDate date, LocalTime time, Integer minutes, String format,
            String site, String link, OnSiteVisits.OnSite onSite) {
        Review review = find(reviewId);
        review.requireStatus(Review.Status.PREPARING);
        Engagement engagement = engagements.forProcess(review.getEngagementId());
        MeetingPlace place = MeetingPlace.of(format, site, link, engagement);
        checkSlot(review, engagement, date, time, minutes, format, place, onSite);
        visits.arrange(review, format, onSite);
        Meeting meeting = meetings.schedule(engagement, Meeting.Kind.REVIEW_CALL, review.title() + ": " + engagement.getName(),
                LocalDateTime.of(date, time), minutes, format, place,
                invitation(review), engagements.holderOrNull(engagement.getId(), StakeholderRole.GOVERNANCE_OFFICER));
        review.scheduled(meeting.getId());
        reviews.save(review);
        List<String> invitees = invitees(engagement);
        for (String user : invitees) {
            attendances.save(new Attendance(reviewId, user));
        }
        auditTrail.record(EngagementService.AUDIT_TYPE, engagement.getId(), "REVIEW_SCHEDULED",
                review.title() + " on " + PeopleDates.dayAndTime(meeting.start()) + ", " + meeting.where()
                        + formatSuggested(review));
        return scheduled(review, engagement, meeting, invitees);
    }

    /** "; meeting-format version 3 suggested remote": the table only suggests, the officer chooses. */
    private String formatSuggested(Review review) {
        return decisionTables.decidedIn(review.getProcessInstanceId(), ReviewCallProcess.MEETING_FORMAT_DECISION)
                .map(decided -> "; " + decided.decidedBy() + " suggested "
                        + String.valueOf(decided.result().get(ReviewCallProcess.MEETING_FORMAT.name())).toLowerCase(Locale.ENGLISH)
                                .replace('_', ' '))
                .orElse("");
    }

    /** Moves the call (the quorum was missed): invites update, everyone answers again. */
    @Transactional
    public Scheduled reschedule(Long reviewId, LocalDate date, LocalTime time, Integer minutes, String location) {
        Review review = find(reviewId);
        review.requireStatus(Review.Status.SCHEDULED);
        Engagement engagement = engagements.forProcess(review.getEngagementId());
        Meeting meeting = meetings.forProcess(engagement.getId(), review.getMeetingId());
        // one field for either: a new site keeps the link, a new link keeps the site
        boolean newLink = MeetingPlace.isLink(location);
        MeetingPlace place = blank(location) ? meeting.place() : MeetingPlace.of(meeting.getFormat(),
                newLink ? meeting.getLocation() : location, newLink ? location : meeting.getLink(), engagement);
        checkSlot(review, engagement, date, time, minutes, meeting.getFormat(), place, ReviewCallProcess.CALL_LOCATION,
                ReviewCallProcess.CALL_LOCATION, OnSiteVisits.OnSite.NONE, List.of());
        meeting = meetings.reschedule(engagement.getId(), meeting.getId(), new MeetingService.MeetingChange(
                LocalDateTime.of(date, time), minutes, place.site(), place.link(), invitation(review), meeting.getVersion()));
        List<Attendance> answers = attendances.findByReviewIdOrderByIdAsc(reviewId);
        answers.forEach(Attendance::invitedAgain);
        answers.forEach(attendances::save);
        auditTrail.record(EngagementService.AUDIT_TYPE, engagement.getId(), "REVIEW_RESCHEDULED",
                review.title() + " to " + PeopleDates.dayAndTime(meeting.start()));
        return scheduled(review, engagement, meeting, answers.stream().map(Attendance::getUserId).toList());
    }

    /** An invited participant confirms or declines; only for themselves. */
    @Transactional
    public Attendance respond(Long reviewId, String invitee, String actingUser, String response, String note) {
        Review review = find(reviewId);
        review.requireStatus(Review.Status.SCHEDULED);
        if (!invitee.equals(actingUser)) {
            throw new InvalidInputException("invitee", actingUser + " cannot answer for " + invitee
                    + "; each participant answers their own invitation");
        }
        Attendance.Response answer = switch (response == null ? "" : response) {
            case "CONFIRM" -> Attendance.Response.CONFIRMED;
            case "DECLINE" -> Attendance.Response.DECLINED;
            default -> throw new InvalidInputException(ReviewCallProcess.RESPONSE, "must be CONFIRM or DECLINE");
        };
        if (note != null && note.length() > 500) {
            throw new InvalidInputException(ReviewCallProcess.RESPONSE_NOTE, "must be at most 500 characters");
        }
        Attendance attendance = attendances.findByReviewIdAndUserId(reviewId, invitee)
                .orElseThrow(() -> new NotFoundException("invitation of " + invitee + " to review", reviewId));
        attendance.respond(answer, note == null || note.isBlank() ? null : note.trim(), Instant.now(clock));
        auditTrail.record(EngagementService.AUDIT_TYPE, review.getEngagementId(), "REVIEW_ATTENDANCE_" + answer,
                invitee + " for " + review.title() + (attendance.getResponseNote() == null ? "" : ": " + attendance.getResponseNote()));
        return attendances.save(attendance);
    }

    /**
     * The quorum: the client's decision-maker and the provider's manager both confirmed. One of
     * them may be the governance officer who organises the call (and is not asked): they attend.
     */
    @Transactional(readOnly = true)
    public boolean quorumReached(Long reviewId) {
        Review review = find(reviewId);
        Map<String, Attendance.Response> answers = attendances.findByReviewIdOrderByIdAsc(reviewId).stream()
                .collect(Collectors.toMap(Attendance::getUserId, Attendance::getResponse));
        return quorum(review.getEngagementId()).stream().allMatch(user -> answers.get(user) == Attendance.Response.CONFIRMED);
    }

    /** Who must attend for a call to take place, besides the organising officer: the client representative and the provider manager. */
    List<String> quorum(Long engagementId) {
        String organiser = engagements.holderOrNull(engagementId, StakeholderRole.GOVERNANCE_OFFICER);
        return List.of(StakeholderRole.CLIENT_REPRESENTATIVE, StakeholderRole.PROVIDER_MANAGER).stream()
                .map(role -> engagements.holderOf(engagementId, role))
                .filter(user -> !user.equals(organiser)).distinct().toList();
    }

    /** Where the scheduled call meets, for the reschedule form to keep. */
    @Transactional(readOnly = true)
    public String callLocation(Long reviewId) {
        Review review = find(reviewId);
        if (review.getMeetingId() == null) {
            return null;
        }
        Meeting meeting = meetings.forProcess(review.getEngagementId(), review.getMeetingId());
        return meeting.getLocation() != null ? meeting.getLocation() : meeting.getLink();
    }

    /** Who answered what, as the reschedule form shows it. */
    @Transactional(readOnly = true)
    public String responses(Long reviewId) {
        return attendances.findByReviewIdOrderByIdAsc(reviewId).stream()
                .map(a -> a.getUserId() + ": " + a.getResponse() + (a.getResponseNote() == null ? "" : " (" + a.getResponseNote() + ")"))
                .collect(Collectors.joining("\n"));
    }

    /**
     * The slot of a call: a date and time far enough ahead, a length between 15 minutes and 8 hours
     * and at least as long as the agenda's timeboxes, a known format and its place.
     */
    private void checkSlot(Review review, Engagement engagement, LocalDate date, LocalTime time, Integer minutes,
            String format, MeetingPlace place, OnSiteVisits.OnSite onSite) {
        checkSlot(review, engagement, date, time, minutes, format, place, ReviewCallProcess.CALL_SITE, ReviewCallProcess.CALL_LINK,
                onSite, visits.violations(engagement.getId(), format, onSite));
    }

    private void checkSlot(Review review, Engagement engagement, LocalDate date, LocalTime time, Integer minutes,
            String format, MeetingPlace place, String siteField, String linkField, OnSiteVisits.OnSite onSite,
            List<Violation> onSiteViolations) {
        List<Violation> violations = new ArrayList<>(onSiteViolations);
        if (date == null) {
            violations.add(new Violation(ReviewCallProcess.CALL_DATE, "is required"));
        }
        if (time == null) {
            violations.add(new Violation(ReviewCallProcess.CALL_TIME, "is required (hh:mm)"));
        }
        if (date != null && time != null && tooSoon(LocalDateTime.of(date, time).atZone(engagement.zone()).toInstant())) {
            violations.add(new Violation(ReviewCallProcess.CALL_DATE, "the call must start at least "
                    + settings.minimumNotice().toMinutes() + " minutes from now, not in the past"));
        }
        violations.addAll(callShapeViolations(review, minutes, format, place, siteField, linkField,
                OnSiteVisits.addedMinutes(format, onSite)));
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }

    /** Whether a call starting then would start in the past or with less than the minimum notice. */
    boolean tooSoon(Instant start) {
        return start.isBefore(clock.instant().plus(settings.minimumNotice()));
    }

    /** What is wrong with a call's length (15 minutes to 8 hours, the agenda's timeboxes), format and place. */
    List<Violation> callShapeViolations(Review review, Integer minutes, String format, MeetingPlace place,
            String siteField, String linkField, int addedAgendaMinutes) {
        List<Violation> violations = new ArrayList<>();
        boolean visitOnAgenda = agendaItems.findByReviewIdOrderByPositionAsc(review.getId()).stream()
                .anyMatch(item -> OnSiteVisits.OPERATIONS_VISIT.equals(item.getTitle()));
        int agendaMinutes = agendaItems.findByReviewIdOrderByPositionAsc(review.getId()).stream()
                .mapToInt(AgendaItem::getTimeboxMinutes).sum() + (visitOnAgenda ? 0 : addedAgendaMinutes);
        if (minutes == null || minutes < 15 || minutes > 480) {
            violations.add(new Violation(ReviewCallProcess.CALL_MINUTES, "must be between 15 and 480"));
        } else if (minutes < agendaMinutes) {
            violations.add(new Violation(ReviewCallProcess.CALL_MINUTES, "must be at least " + agendaMinutes
                    + ": the agenda's timeboxes take " + agendaMinutes + " minutes"
                    + (addedAgendaMinutes > 0 && !visitOnAgenda ? ", with the visit of the operations" : "")));
        }
        if (format == null || !MeetingPlace.FORMATS.contains(format)) {
            violations.add(new Violation(ReviewCallProcess.CALL_FORMAT, "must be on premises, remote or hybrid"));
        } else {
            violations.addAll(place.missing(format, siteField, linkField));
        }
        return violations;
    }

    private Scheduled scheduled(Review review, Engagement engagement, Meeting meeting, List<String> invitees) {
        OffsetDateTime starts = meeting.start().toOffsetDateTime();
        Duration untilCall = Duration.between(clock.instant(), starts.toInstant());
        Duration before = untilCall.dividedBy(2).compareTo(settings.attendanceDeadlineBeforeCall()) < 0
                ? untilCall.dividedBy(2) : settings.attendanceDeadlineBeforeCall();
        return new Scheduled(invitees, starts.minus(before).truncatedTo(ChronoUnit.MINUTES), starts,
                review.getVisitHost());
    }

    /** Everyone on the stakeholder map but the officer who organises the call. */
    List<String> invitees(Engagement engagement) {
        String officer = engagements.holderOrNull(engagement.getId(), StakeholderRole.GOVERNANCE_OFFICER);
        return engagements.stakeholdersForProcess(engagement.getId()).stream().map(Stakeholder::getUserId)
                .filter(user -> !user.equals(officer)).distinct().toList();
    }

    /** What every participant receives with the invite: objectives, agenda with owners and timeboxes, the scorecard. */
    private String invitation(Review review) {
        StringBuilder text = new StringBuilder();
        if (review.getObjectives() != null) {
            text.append("Objectives: ").append(review.getObjectives()).append("\n\nAgenda\n");
        }
        for (AgendaItem item : agendaItems.findByReviewIdOrderByPositionAsc(review.getId())) {
            text.append(item.getPosition()).append(". ").append(item.getTitle()).append(" — ").append(item.getOwner())
                    .append(" (").append(item.getTimeboxMinutes()).append(" min)\n");
        }
        text.append(visits.inviteLines(review));
        if (review.getScorecardSummary() != null) {
            text.append('\n').append(review.getScorecardSummary());
        }
        return cut(text.toString(), 4000);
    }

    /**
     * What a participant reads in "Confirm attendance": the call (its time also in the reader's
     * zone, where they set another), where, and its agenda.
     */
    @Transactional(readOnly = true)
    public String invitationText(Long reviewId, java.time.ZoneId readerZone) {
        Review review = find(reviewId);
        Engagement engagement = engagements.forProcess(review.getEngagementId());
        Meeting meeting = meetings.forProcess(engagement.getId(), review.getMeetingId());
        return review.title() + " of " + engagement.getName() + "\n"
                + new PeopleDates.Moment(meeting.start()).forReader(readerZone) + ", " + meeting.getDurationMinutes() + " minutes, "
                + meeting.where() + "\n\n" + invitation(review);
    }

    java.time.ZoneId zoneOf(Long reviewId) {
        return engagements.forProcess(find(reviewId).getEngagementId()).zone();
    }

    Review find(Long reviewId) {
        return reviews.findById(reviewId).orElseThrow(() -> new NotFoundException("review", reviewId));
    }

    private static AgendaItem.Source sourceOf(String source) {
        try {
            return source == null ? AgendaItem.Source.OFFICER : AgendaItem.Source.valueOf(source);
        } catch (IllegalArgumentException unknown) {
            return AgendaItem.Source.OFFICER;
        }
    }

    private static final java.time.format.DateTimeFormatter MONTH = java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy",
            java.util.Locale.ENGLISH);

    /** "7.5 working days", "1 working day", "95.5%": a word unit takes the plural but for exactly one. */
    static String quantity(BigDecimal value, String unit) {
        if (value == null) {
            return "n/a";
        }
        if (unit == null || unit.isBlank()) {
            return plain(value);
        }
        if (!Character.isLetter(unit.charAt(0))) {
            return plain(value) + unit;
        }
        boolean one = value.compareTo(BigDecimal.ONE) == 0;
        return plain(value) + " " + (one || unit.endsWith("s") ? unit : unit + "s");
    }

    static String plain(BigDecimal value) {
        return value == null ? "n/a" : value.stripTrailingZeros().toPlainString();
    }

    static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
