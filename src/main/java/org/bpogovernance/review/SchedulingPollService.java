package org.bpogovernance.review;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.bpogovernance.audit.AuditTrail;
import org.bpogovernance.engagement.Engagement;
import org.bpogovernance.engagement.EngagementService;
import org.bpogovernance.engagement.StakeholderRole;
import org.bpogovernance.platform.ConflictException;
import org.bpogovernance.platform.FormLines;
import org.bpogovernance.platform.InvalidInputException;
import org.bpogovernance.platform.InvalidInputException.Violation;
import org.bpogovernance.platform.NotFoundException;
import org.bpogovernance.platform.PeopleDates;
import org.bpogovernance.platform.PublicUrl;
import org.bpogovernance.review.PollAnswer.Availability;
import org.bpogovernance.security.PersonProfiles;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scheduling polls: instead of picking one time, the officer proposes two to five slots; everyone
 * invited answers each (available, if need be, not available); when all have answered or the poll
 * closes, the best slot that the quorum can attend is chosen (ties go to the officer). Without
 * such a slot the officer proposes new ones once; a second round without one leaves the time to
 * the officer, as a missed quorum does.
 */
@Service
public class SchedulingPollService {

    /** Slots per poll. */
    static final int MIN_SLOTS = 2;
    static final int MAX_SLOTS = 5;
    /** The first round and the one with new slots. */
    static final int MAX_ROUNDS = 2;
    /** How many slots the forms suggest. */
    static final int SUGGESTED_SLOTS = 3;

    /** What the process does after a poll closes. */
    public enum Outcome {
        /** One slot is best: the call is scheduled there. */
        CHOSEN,
        /** Several slots are equally good: the officer picks. */
        TIED,
        /** No slot has the quorum: the officer proposes new slots. */
        NEW_SLOTS,
        /** The second round found no slot either: the officer picks a time by hand. */
        NO_TIME
    }

    /** A poll just opened: who answers, and until when. */
    record Opened(Long pollId, List<String> respondents, Instant closesAt) {
    }

    /** One person's answer to one slot. */
    public record AnswerView(String userId, String side, String answer) {
    }

    /** One slot as the officer and the API see it: counts, quorum, and whose working hours it falls outside. */
    public record SlotView(int slot, Instant startsAt, String when, int available, int ifNeedBe, int notAvailable,
            int notAnswered, boolean quorum, List<String> outsideWorkingHours, List<AnswerView> answers) {
    }

    /** One round of the poll; {@code notAnswered}: who has yet to answer every slot. */
    public record RoundView(Long pollId, int round, String status, Instant closesAt, String closes, int minutes,
            String format, String site, String link, Integer chosenSlot, String chosenBy, List<String> respondents,
            List<String> notAnswered, List<String> quorum, List<SlotView> slots) {
    }

    /** The poll of a review call: its rounds, the latest last. */
    public record PollView(Long reviewId, List<RoundView> rounds) {
    }

    private final SchedulingPollRepository polls;
    private final PollAnswerRepository answers;
    private final AttendanceRepository attendances;
    private final ReviewService reviewService;
    private final ReviewCalls calls;
    private final OnSiteVisits visits;
    private final EngagementService engagements;
    private final PersonProfiles profiles;
    private final ReviewSettings settings;
    private final PublicUrl publicUrl;
    private final AuditTrail auditTrail;
    private final Clock clock;

    SchedulingPollService(SchedulingPollRepository polls, PollAnswerRepository answers, AttendanceRepository attendances,
            ReviewService reviewService, ReviewCalls calls, OnSiteVisits visits, EngagementService engagements, PersonProfiles profiles, ReviewSettings settings,
            PublicUrl publicUrl, AuditTrail auditTrail, Clock clock) {
        this.polls = polls;
        this.answers = answers;
        this.attendances = attendances;
        this.reviewService = reviewService;
        this.calls = calls;
        this.visits = visits;
        this.engagements = engagements;
        this.profiles = profiles;
        this.settings = settings;
        this.publicUrl = publicUrl;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    // ---- opening -----------------------------------------------------------------------------

    /**
     * Slots for the form to suggest, one per line ({@code date | time}, engagement time): from the
     * cadence's target date on, weekdays, as near the usual call time as everyone's working hours
     * allow; a day on which no time suits everyone is skipped. Slots of earlier rounds are not offered again.
     */
    @Transactional(readOnly = true)
    public String suggestions(Long reviewId, int minutes) {
        Review review = reviewService.find(reviewId);
        Engagement engagement = engagements.forProcess(review.getEngagementId());
        ZoneId zone = engagement.zone();
        List<String> people = new ArrayList<>(reviewService.invitees(engagement));
        String officer = engagements.holderOrNull(engagement.getId(), StakeholderRole.GOVERNANCE_OFFICER);
        if (officer != null) {
            people.add(officer);
        }
        List<Instant> offered = polls.findByReviewIdOrderByRoundAsc(reviewId).stream()
                .flatMap(poll -> poll.getSlots().stream().map(SchedulingPoll.Slot::startsAt)).toList();
        LocalDate first = reviewService.proposal(reviewId, null).date();
        List<LocalDateTime> slots = new ArrayList<>();
        Duration length = Duration.ofMinutes(Math.max(minutes, 15));
        for (LocalDate day = first; slots.size() < SUGGESTED_SLOTS && day.isBefore(first.plusDays(28)); day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            for (LocalTime time : timesNearestFirst(settings.suggestedCallTime())) {
                ZonedDateTime start = day.atTime(time).atZone(zone);
                if (!offered.contains(start.toInstant()) && !reviewService.tooSoon(start.toInstant())
                        && people.stream().noneMatch(user -> profiles.outsideWorkingHours(user, start, length))) {
                    slots.add(day.atTime(time));
                    break;
                }
            }
        }
        return FormLines.format(slots.stream().map(slot -> List.<Object>of(slot.toLocalDate(), slot.toLocalTime())).toList());
    }

    /** The half-hours of a day, the nearest to the usual call time first. */
    private static List<LocalTime> timesNearestFirst(LocalTime usual) {
        List<LocalTime> times = new ArrayList<>();
        for (int halfHour = 0; halfHour < 48; halfHour++) {
            times.add(LocalTime.MIDNIGHT.plusMinutes(30L * halfHour));
        }
        times.sort(Comparator.comparingLong(time -> Math.abs(Duration.between(usual, time).toMinutes())));
        return times;
    }

    /**
     * Opens the first round: the slots (one per line, {@code date | time} in the engagement's zone),
     * the call's length, format and place as for one time. Everyone invited to the call is asked.
     */
    @Transactional
    public Opened open(Long reviewId, String openedBy, String slotLines, Integer minutes, String format, String site,
            String link, OnSiteVisits.OnSite onSite) {
        Review review = reviewService.find(reviewId);
        review.requireStatus(Review.Status.PREPARING);
        Engagement engagement = engagements.forProcess(review.getEngagementId());
        List<SchedulingPoll> earlier = polls.findByReviewIdOrderByRoundAsc(reviewId);
        if (earlier.size() >= MAX_ROUNDS) {
            throw new InvalidInputException(ReviewCallProcess.SCHEDULING, "the poll found no time with the quorum in "
                    + MAX_ROUNDS + " rounds; pick one time");
        }
        MeetingPlace place = format == null ? new MeetingPlace(null, null) : MeetingPlace.of(format, site, link, engagement);
        List<Violation> violations = new ArrayList<>(reviewService.callShapeViolations(review, minutes, format, place,
                ReviewCallProcess.CALL_SITE, ReviewCallProcess.CALL_LINK, OnSiteVisits.addedMinutes(format, onSite)));
        violations.addAll(visits.violations(engagement.getId(), format, onSite));
        return openRound(review, engagement, earlier.size() + 1, openedBy, slotLines,
                minutes == null ? 0 : minutes, format, place, onSite, violations);
    }

    /** Opens the second round after one without a slot for the quorum: new slots, the same length, format and place. */
    @Transactional
    public Opened openNextRound(Long reviewId, String openedBy, String slotLines) {
        Review review = reviewService.find(reviewId);
        review.requireStatus(Review.Status.PREPARING);
        SchedulingPoll last = latest(reviewId);
        if (last.getStatus() != SchedulingPoll.Status.NO_QUORUM || last.getRound() >= MAX_ROUNDS) {
            throw new ConflictException(ReviewCallProcess.POLL_SLOTS, "round " + last.getRound() + " of this poll is "
                    + last.getStatus().name().toLowerCase() + "; new slots follow a first round without a quorum");
        }
        Engagement engagement = engagements.forProcess(review.getEngagementId());
        return openRound(review, engagement, last.getRound() + 1, openedBy, slotLines, last.getMinutes(), last.getFormat(),
                new MeetingPlace(last.getSite(), last.getLink()), last.onSite(), new ArrayList<>());
    }

    private Opened openRound(Review review, Engagement engagement, int round, String openedBy, String slotLines,
            int minutes, String format, MeetingPlace place, OnSiteVisits.OnSite onSite, List<Violation> violations) {
        List<SchedulingPoll.Slot> slots = slots(slotLines, engagement.zone(), minutes, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        Instant now = clock.instant();
        Instant earliest = slots.stream().map(SchedulingPoll.Slot::startsAt).min(Comparator.naturalOrder()).orElseThrow();
        Duration halfWay = Duration.between(now, earliest).dividedBy(2);
        Instant closesAt = now.plus(halfWay.compareTo(settings.pollOpenFor()) < 0 ? halfWay : settings.pollOpenFor())
                .truncatedTo(ChronoUnit.MINUTES);
        List<SchedulingPoll.Respondent> respondents = reviewService.invitees(engagement).stream()
                .map(user -> new SchedulingPoll.Respondent(user, UUID.randomUUID().toString())).toList();
        SchedulingPoll poll = polls.save(new SchedulingPoll(review.getId(), round, minutes, place, format, onSite, slots, respondents,
                openedBy, now, closesAt));
        auditTrail.record(EngagementService.AUDIT_TYPE, engagement.getId(), "REVIEW_POLL_OPENED", review.title()
                + ": " + slots.size() + " slots" + (round > 1 ? " (round " + round + ")" : "") + ", answers until "
                + PeopleDates.dayAndTime(closesAt, engagement.zone()));
        return new Opened(poll.getId(), poll.respondentIds(), closesAt);
    }

    /** The slot lines: 2 to 5, each a readable date and time, far enough ahead, none overlapping another. */
    private List<SchedulingPoll.Slot> slots(String lines, ZoneId zone, int minutes, List<Violation> violations) {
        String field = ReviewCallProcess.POLL_SLOTS;
        FormLines.Parsed parsed = FormLines.parse(lines, 2);
        if (parsed.entries().size() < MIN_SLOTS || parsed.entries().size() > MAX_SLOTS) {
            violations.add(new Violation(field, "propose " + MIN_SLOTS + " to " + MAX_SLOTS
                    + " slots, one per line: date | time (yyyy-mm-dd | hh:mm), not " + parsed.entries().size()));
            return List.of();
        }
        List<SchedulingPoll.Slot> slots = new ArrayList<>();
        Map<Integer, Integer> lineOfSlot = new HashMap<>();
        for (int i = 0; i < parsed.entries().size(); i++) {
            String[] entry = parsed.entries().get(i);
            int line = parsed.lineNumbers().get(i);
            String at = field + " line " + line;
            LocalDate date;
            LocalTime time;
            try {
                date = LocalDate.parse(String.valueOf(entry[0]));
                time = LocalTime.parse(String.valueOf(entry[1]));
            } catch (RuntimeException unreadable) {
                violations.add(new Violation(at, "'" + (entry[0] == null ? "" : entry[0]) + " | "
                        + (entry[1] == null ? "" : entry[1]) + "' is not a date and time (yyyy-mm-dd | hh:mm)"));
                continue;
            }
            Instant start = date.atTime(time).atZone(zone).toInstant();
            if (reviewService.tooSoon(start)) {
                violations.add(new Violation(at, PeopleDates.dayAndTime(date.atTime(time), zone)
                        + " is in the past or less than " + settings.minimumNotice().toMinutes() + " minutes from now"));
                continue;
            }
            for (SchedulingPoll.Slot other : slots) {
                if (start.isBefore(other.startsAt().plus(Duration.ofMinutes(minutes)))
                        && other.startsAt().isBefore(start.plus(Duration.ofMinutes(minutes)))) {
                    violations.add(new Violation(at, "overlaps line " + lineOfSlot.get(other.position()) + ": a "
                            + minutes + "-minute call cannot start at both"));
                }
            }
            lineOfSlot.put(slots.size() + 1, line);
            slots.add(new SchedulingPoll.Slot(slots.size() + 1, start));
        }
        return slots;
    }

    // ---- answering ---------------------------------------------------------------------------

    /**
     * A person's answers from the poll form: one per slot, by slot number; a slot left without a
     * value keeps the answer the person gave from the mail. Only the person asked answers, and only
     * while the poll is open.
     */
    @Transactional
    public void answer(Long pollId, String respondent, String actingUser, Map<Integer, String> submitted) {
        SchedulingPoll poll = takingAnswers(pollId, respondent, actingUser);
        Map<Integer, PollAnswer> given = answersOf(poll.getId(), respondent);
        List<Violation> violations = new ArrayList<>();
        Map<Integer, Availability> chosen = new LinkedHashMap<>();
        for (SchedulingPoll.Slot slot : poll.getSlots()) {
            String field = ReviewCallProcess.POLL_ANSWER + slot.position();
            String value = submitted.get(slot.position());
            if (value == null || value.isBlank()) {
                if (!given.containsKey(slot.position())) {
                    violations.add(new Violation(field, "is required: available, if need be or not available"));
                }
                continue;
            }
            try {
                chosen.put(slot.position(), Availability.valueOf(value));
            } catch (IllegalArgumentException unknown) {
                violations.add(new Violation(field, "must be AVAILABLE, IF_NEED_BE or NOT_AVAILABLE, not '" + value + "'"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        chosen.forEach((slot, availability) -> record(poll, respondent, slot, availability, given.get(slot)));
        if (!chosen.isEmpty()) {
            auditTrail.record(EngagementService.AUDIT_TYPE, engagementOf(poll), "REVIEW_POLL_ANSWERED", respondent
                    + " answered the scheduling poll" + (poll.getRound() > 1 ? " (round " + poll.getRound() + ")" : ""));
        }
    }

    /**
     * One answer from a mail's link, which carries the person's token. Once the person has answered
     * every slot, their poll task is done (as if they had sent the form). Returns the person's answers by slot.
     */
    @Transactional
    public Map<Integer, Availability> answerByLink(Long pollId, String user, String token, int slot, String answer) {
        SchedulingPoll poll = onTheEngagement(pollId, user);
        SchedulingPoll.Respondent respondent = poll.respondent(user).orElse(null);
        if (respondent == null || token == null || !MessageDigest.isEqual(respondent.linkToken().getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8))) {
            throw new InvalidInputException(ReviewCallProcess.POLL_RESPONDENT.name(), "this link was sent to someone else; "
                    + user + " answers with the links of their own mail, or in Tasklist");
        }
        takingAnswers(pollId, user, user);
        if (poll.slot(slot).isEmpty()) {
            throw new InvalidInputException("slot", "this poll has no slot " + slot);
        }
        Availability availability;
        try {
            availability = Availability.valueOf(answer);
        } catch (RuntimeException unknown) {
            throw new InvalidInputException("answer", "must be AVAILABLE, IF_NEED_BE or NOT_AVAILABLE");
        }
        record(poll, user, slot, availability, answersOf(pollId, user).get(slot));
        auditTrail.record(EngagementService.AUDIT_TYPE, engagementOf(poll), "REVIEW_POLL_ANSWERED", user
                + " answered slot " + slot + " of the scheduling poll from the mail: " + availability.words());
        Map<Integer, Availability> given = new TreeMap<>();
        answersOf(pollId, user).forEach((position, recorded) -> given.put(position, recorded.getAnswer()));
        if (given.size() == poll.getSlots().size()) {
            Review review = reviewService.find(poll.getReviewId());
            calls.openTaskOf(review.getProcessInstanceId(), ReviewCallProcess.ANSWER_POLL_TASK,
                    ReviewCallProcess.POLL_RESPONDENT.name(), user).ifPresent(task -> calls.complete(task, Map.of()));
        }
        return given;
    }

    /** When the poll closes, in the person's own zone where they set one. */
    @Transactional(readOnly = true)
    public String closesFor(Long pollId, String user) {
        SchedulingPoll poll = find(pollId);
        return new PeopleDates.Moment(poll.getClosesAt().atZone(engagements.forProcess(engagementOf(poll)).zone()))
                .forReader(profiles.zoneOf(user).orElse(null));
    }

    private void record(SchedulingPoll poll, String user, int slot, Availability availability, PollAnswer existing) {
        PollAnswer answer = existing != null ? existing : new PollAnswer(poll.getId(), user, slot);
        answer.answer(availability, clock.instant());
        answers.save(answer);
    }

    /**
     * The poll, locked, if the person is on its engagement (others learn nothing of it: 404), was
     * asked in it, answers for themselves, and it still takes answers.
     */
    private SchedulingPoll takingAnswers(Long pollId, String respondent, String actingUser) {
        SchedulingPoll poll = onTheEngagement(pollId, respondent);
        if (!respondent.equals(actingUser)) {
            throw new InvalidInputException("respondent", actingUser + " cannot answer for " + respondent
                    + "; each person answers the poll for themselves");
        }
        if (poll.respondent(respondent).isEmpty()) {
            throw new InvalidInputException("respondent", respondent + " is not asked in this poll; it asks the people invited "
                    + "to the call");
        }
        ZoneId zone = engagements.forProcess(engagementOf(poll)).zone();
        if (poll.getStatus() != SchedulingPoll.Status.OPEN || !clock.instant().isBefore(poll.getClosesAt())) {
            throw new ConflictException(ReviewCallProcess.POLL_ANSWER, "the poll closed on "
                    + PeopleDates.dayAndTime(poll.getClosesAt(), zone) + "; answers are no longer taken");
        }
        return poll;
    }

    /** The poll, locked, if the person is still on its engagement; otherwise as if it did not exist. */
    private SchedulingPoll onTheEngagement(Long pollId, String user) {
        SchedulingPoll poll = polls.lockById(pollId).orElseThrow(() -> new NotFoundException("scheduling poll", pollId));
        if (engagements.stakeholdersForProcess(engagementOf(poll)).stream().noneMatch(s -> s.getUserId().equals(user))) {
            throw new NotFoundException("scheduling poll", pollId);
        }
        return poll;
    }

    private Map<Integer, PollAnswer> answersOf(Long pollId, String user) {
        return answers.findByPollIdOrderByIdAsc(pollId).stream().filter(answer -> answer.getUserId().equals(user))
                .collect(Collectors.toMap(PollAnswer::getSlot, answer -> answer, (a, b) -> b, HashMap::new));
    }

    // ---- closing and choosing ----------------------------------------------------------------

    /**
     * Closes the round: of the slots the quorum can attend (available or if need be), the one most
     * people can attend best (most available, fewest not available, fewest outside their working
     * hours); equal best slots go to the officer. Closing a closed round answers the same.
     */
    @Transactional
    public Outcome close(Long pollId) {
        SchedulingPoll poll = polls.lockById(pollId).orElseThrow(() -> new NotFoundException("scheduling poll", pollId));
        if (poll.getStatus() == SchedulingPoll.Status.OPEN) {
            RoundView round = round(poll, null);
            // a slot too near by now could not be scheduled any more
            List<SlotView> candidates = round.slots().stream().filter(SlotView::quorum)
                    .filter(slot -> !reviewService.tooSoon(slot.startsAt())).toList();
            Comparator<SlotView> better = Comparator.comparingInt(SlotView::available).reversed()
                    .thenComparingInt(SlotView::notAvailable)
                    .thenComparingInt(slot -> slot.outsideWorkingHours().size());
            List<SlotView> ranked = candidates.stream().sorted(better).toList();
            List<SlotView> best = ranked.stream().filter(slot -> better.compare(slot, ranked.get(0)) == 0).toList();
            if (ranked.isEmpty()) {
                poll.closed(SchedulingPoll.Status.NO_QUORUM, null);
            } else if (best.size() > 1) {
                poll.closed(SchedulingPoll.Status.TIED, null);
            } else {
                poll.closed(SchedulingPoll.Status.CHOSEN, best.get(0).slot());
            }
            polls.save(poll);
            auditTrail.record(EngagementService.AUDIT_TYPE, engagementOf(poll), "REVIEW_POLL_CLOSED", outcomeWords(poll, round));
        }
        return switch (poll.getStatus()) {
            case CHOSEN -> Outcome.CHOSEN;
            case TIED -> Outcome.TIED;
            default -> poll.getRound() < MAX_ROUNDS ? Outcome.NEW_SLOTS : Outcome.NO_TIME;
        };
    }

    private String outcomeWords(SchedulingPoll poll, RoundView round) {
        return switch (poll.getStatus()) {
            case CHOSEN -> "Scheduling poll: slot " + poll.getChosenSlot() + " chosen, "
                    + round.slots().get(poll.getChosenSlot() - 1).when();
            case TIED -> "Scheduling poll: slots "
                    + round.slots().stream().filter(SlotView::quorum).map(slot -> String.valueOf(slot.slot()))
                            .collect(Collectors.joining(", ")) + " suit the quorum; the officer picks";
            default -> "Scheduling poll: no slot suits both the client representative and the provider manager"
                    + (poll.getRound() < MAX_ROUNDS ? "; the officer proposes new slots" : "; the officer picks a time");
        };
    }

    /**
     * The officer's pick: any slot of the round that the quorum can attend (also one the poll did
     * not rank first), still far enough ahead.
     */
    @Transactional
    public void pick(Long pollId, String officer, Integer slot) {
        SchedulingPoll poll = polls.lockById(pollId).orElseThrow(() -> new NotFoundException("scheduling poll", pollId));
        if (poll.getStatus() == SchedulingPoll.Status.OPEN || poll.getStatus() == SchedulingPoll.Status.NO_QUORUM) {
            throw new ConflictException(ReviewCallProcess.POLL_CHOICE, "round " + poll.getRound() + " of the poll is "
                    + poll.getStatus().name().toLowerCase().replace('_', ' ') + "; there is nothing to pick");
        }
        SchedulingPoll.Slot chosen = slot == null ? null : poll.slot(slot).orElse(null);
        if (chosen == null) {
            throw new InvalidInputException(ReviewCallProcess.POLL_CHOICE, "choose one of slots 1 to " + poll.getSlots().size());
        }
        if (!round(poll, null).slots().get(slot - 1).quorum()) {
            throw new InvalidInputException(ReviewCallProcess.POLL_CHOICE, "slot " + slot + " does not suit both the client "
                    + "representative and the provider manager; pick one that does");
        }
        if (reviewService.tooSoon(chosen.startsAt())) {
            throw new InvalidInputException(ReviewCallProcess.POLL_CHOICE, "slot " + slot + " has passed or starts in less than "
                    + settings.minimumNotice().toMinutes() + " minutes; choose a later one");
        }
        poll.chosenBy(officer, slot);
        polls.save(poll);
        auditTrail.record(EngagementService.AUDIT_TYPE, engagementOf(poll), "REVIEW_POLL_PICKED",
                officer + " picked slot " + slot + " of the scheduling poll");
    }

    /**
     * Schedules the call at the chosen slot (invites with the agenda, as for one time) and takes
     * the poll's answers as the invitees' attendance: available or if need be confirms, not
     * available declines; who did not answer is asked nothing more and counts as not confirmed.
     */
    @Transactional
    public ReviewService.Scheduled scheduleChosen(Long pollId) {
        SchedulingPoll poll = find(pollId);
        if (poll.getStatus() != SchedulingPoll.Status.CHOSEN) {
            throw new ConflictException("status", "round " + poll.getRound() + " of the poll has no chosen slot");
        }
        Engagement engagement = engagements.forProcess(engagementOf(poll));
        LocalDateTime start = LocalDateTime.ofInstant(poll.slot(poll.getChosenSlot()).orElseThrow().startsAt(), engagement.zone());
        ReviewService.Scheduled scheduled = reviewService.schedule(poll.getReviewId(), start.toLocalDate(), start.toLocalTime(),
                poll.getMinutes(), poll.getFormat(), poll.getSite(), poll.getLink(), poll.onSite());
        Map<String, PollAnswer> answerOf = answers.findByPollIdOrderByIdAsc(pollId).stream()
                .filter(answer -> answer.getSlot() == poll.getChosenSlot())
                .collect(Collectors.toMap(PollAnswer::getUserId, answer -> answer));
        for (Attendance attendance : attendances.findByReviewIdOrderByIdAsc(poll.getReviewId())) {
            PollAnswer answer = answerOf.get(attendance.getUserId());
            if (answer != null) {
                attendance.respond(answer.getAnswer() == Availability.NOT_AVAILABLE ? Attendance.Response.DECLINED
                        : Attendance.Response.CONFIRMED, "scheduling poll: " + answer.getAnswer().words(), answer.getAnsweredAt());
                attendances.save(attendance);
            }
        }
        return scheduled;
    }

    // ---- reading -----------------------------------------------------------------------------

    /** The poll of a call for the API: every round, each slot's answers, quorum and working-hours flags. */
    @Transactional(readOnly = true)
    public PollView view(Long engagementId, Long reviewId) {
        engagements.get(engagementId);
        Review review = reviewService.find(reviewId);
        if (!review.getEngagementId().equals(engagementId)) {
            throw new NotFoundException("review", reviewId);
        }
        List<SchedulingPoll> rounds = polls.findByReviewIdOrderByRoundAsc(reviewId);
        if (rounds.isEmpty()) {
            throw new NotFoundException("scheduling poll of review", reviewId);
        }
        return new PollView(reviewId, rounds.stream().map(poll -> round(poll, null)).toList());
    }

    /** The latest round of a review's poll. */
    SchedulingPoll latest(Long reviewId) {
        return polls.findFirstByReviewIdOrderByRoundDesc(reviewId)
                .orElseThrow(() -> new NotFoundException("scheduling poll of review", reviewId));
    }

    boolean hasFailedTwice(Long reviewId) {
        List<SchedulingPoll> rounds = polls.findByReviewIdOrderByRoundAsc(reviewId);
        return rounds.size() >= MAX_ROUNDS && rounds.get(rounds.size() - 1).getStatus() == SchedulingPoll.Status.NO_QUORUM;
    }

    /**
     * The round as someone reads it: times in the engagement's zone, and also in the reader's
     * where they set another.
     */
    @Transactional(readOnly = true)
    public RoundView round(Long pollId, ZoneId readerZone) {
        return round(find(pollId), readerZone);
    }

    private RoundView round(SchedulingPoll poll, ZoneId readerZone) {
        Engagement engagement = engagements.forProcess(engagementOf(poll));
        ZoneId zone = engagement.zone();
        List<String> respondents = poll.respondentIds();
        List<String> quorum = reviewService.quorum(engagement.getId());
        Map<String, String> sides = new HashMap<>();
        engagements.stakeholdersForProcess(engagement.getId()).forEach(stakeholder -> sides.putIfAbsent(
                stakeholder.getUserId(), stakeholder.getSide() == null ? null : stakeholder.getSide().name()));
        List<PollAnswer> all = answers.findByPollIdOrderByIdAsc(poll.getId());
        Duration length = Duration.ofMinutes(poll.getMinutes());
        List<String> asked = new ArrayList<>(respondents);
        String officer = engagements.holderOrNull(engagement.getId(), StakeholderRole.GOVERNANCE_OFFICER);
        if (officer != null) {
            asked.add(officer);
        }
        List<SlotView> slots = new ArrayList<>();
        for (SchedulingPoll.Slot slot : poll.getSlots()) {
            Map<String, Availability> bySlot = all.stream().filter(answer -> answer.getSlot() == slot.position())
                    .collect(Collectors.toMap(PollAnswer::getUserId, PollAnswer::getAnswer, (a, b) -> b));
            ZonedDateTime start = slot.startsAt().atZone(zone);
            slots.add(new SlotView(slot.position(), slot.startsAt(), new PeopleDates.Moment(start).forReader(readerZone),
                    count(bySlot, Availability.AVAILABLE), count(bySlot, Availability.IF_NEED_BE),
                    count(bySlot, Availability.NOT_AVAILABLE),
                    (int) respondents.stream().filter(user -> !bySlot.containsKey(user)).count(),
                    quorum.stream().allMatch(user -> bySlot.get(user) == Availability.AVAILABLE
                            || bySlot.get(user) == Availability.IF_NEED_BE),
                    asked.stream().filter(user -> profiles.outsideWorkingHours(user, start, length)).toList(),
                    respondents.stream().filter(bySlot::containsKey).map(user -> new AnswerView(user, sides.get(user),
                            bySlot.get(user).name())).toList()));
        }
        Map<String, Long> answeredSlots = all.stream().collect(Collectors.groupingBy(PollAnswer::getUserId, Collectors.counting()));
        return new RoundView(poll.getId(), poll.getRound(), poll.getStatus().name(), poll.getClosesAt(),
                new PeopleDates.Moment(poll.getClosesAt().atZone(zone)).forReader(readerZone), poll.getMinutes(),
                poll.getFormat(), poll.getSite(), poll.getLink(), poll.getChosenSlot(), poll.getChosenBy(), respondents,
                respondents.stream().filter(user -> answeredSlots.getOrDefault(user, 0L) < poll.getSlots().size()).toList(),
                quorum, slots);
    }

    private static int count(Map<String, Availability> answers, Availability kind) {
        return (int) answers.values().stream().filter(kind::equals).count();
    }

    /** The round's slots and answers in lines for the officer's forms. */
    @Transactional(readOnly = true)
    public String tally(Long pollId, ZoneId readerZone) {
        RoundView round = round(pollId, readerZone);
        StringBuilder text = new StringBuilder();
        for (SlotView slot : round.slots()) {
            text.append("Slot ").append(slot.slot()).append(": ").append(slot.when()).append("\n   ")
                    .append(slot.available()).append(" available, ").append(slot.ifNeedBe()).append(" if need be, ")
                    .append(slot.notAvailable()).append(" not available, ").append(slot.notAnswered()).append(" no answer; ")
                    .append(slot.quorum() ? "the quorum can attend" : "the quorum cannot attend");
            if (!slot.outsideWorkingHours().isEmpty()) {
                text.append("; outside the working hours of ").append(String.join(", ", slot.outsideWorkingHours()));
            }
            text.append('\n');
        }
        return text.toString();
    }

    /**
     * One slot as the person asked reads it in the poll form and mail: in the engagement's zone and
     * theirs, flagged when it falls outside their working hours.
     */
    @Transactional(readOnly = true)
    public List<String> slotsFor(Long pollId, String user) {
        SchedulingPoll poll = find(pollId);
        ZoneId zone = engagements.forProcess(engagementOf(poll)).zone();
        ZoneId readerZone = profiles.zoneOf(user).orElse(null);
        Duration length = Duration.ofMinutes(poll.getMinutes());
        return poll.getSlots().stream().map(slot -> {
            ZonedDateTime start = slot.startsAt().atZone(zone);
            return new PeopleDates.Moment(start).forReader(readerZone) + ", " + poll.getMinutes() + " minutes"
                    + (profiles.outsideWorkingHours(user, start, length) ? " — outside your working hours" : "");
        }).toList();
    }

    /** The person's one-click links, per slot and answer: they open the service, which asks for their login. */
    @Transactional(readOnly = true)
    public Map<Integer, Map<Availability, String>> linksFor(Long pollId, String user) {
        SchedulingPoll poll = find(pollId);
        String token = poll.respondent(user).map(SchedulingPoll.Respondent::linkToken).orElse(null);
        Map<Integer, Map<Availability, String>> links = new LinkedHashMap<>();
        if (token == null) {
            return links;
        }
        for (SchedulingPoll.Slot slot : poll.getSlots()) {
            Map<Availability, String> perAnswer = new LinkedHashMap<>();
            for (Availability availability : Availability.values()) {
                perAnswer.put(availability, publicUrl.get() + PollAnswerPage.PATH.replace("{pollId}", String.valueOf(pollId))
                        + "?slot=" + slot.position() + "&answer=" + availability.name() + "&token=" + token);
            }
            links.put(slot.position(), perAnswer);
        }
        return links;
    }

    SchedulingPoll find(Long pollId) {
        return polls.findById(pollId).orElseThrow(() -> new NotFoundException("scheduling poll", pollId));
    }

    private Long engagementOf(SchedulingPoll poll) {
        return reviewService.find(poll.getReviewId()).getEngagementId();
    }
}
