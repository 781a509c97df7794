package org.bpogovernance.review;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
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
import org.bpogovernance.platform.ConflictException;
import org.bpogovernance.platform.InvalidInputException;
import org.bpogovernance.platform.InvalidInputException.Violation;
import org.bpogovernance.platform.NotFoundException;
import org.bpogovernance.platform.PeopleDates;
import org.bpogovernance.review.PollAnswer.Availability;
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

    /** The first round and the one with new slots. */
    static final int MAX_ROUNDS = 2;

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

    private final SchedulingPollRepository polls;
    private final PollAnswerRepository answers;
    private final AttendanceRepository attendances;
    private final ReviewService reviewService;
    private final ReviewCalls calls;
    private final OnSiteVisits visits;
    private final PollSlots pollSlots;
    private final PollReadings readings;
    private final EngagementService engagements;
    private final ReviewSettings settings;
    private final AuditTrail auditTrail;
    private final Clock clock;

    SchedulingPollService(SchedulingPollRepository polls, PollAnswerRepository answers, AttendanceRepository attendances,
            ReviewService reviewService, ReviewCalls calls, OnSiteVisits visits, PollSlots pollSlots, PollReadings readings,
            EngagementService engagements, ReviewSettings settings, AuditTrail auditTrail, Clock clock) {
        this.polls = polls;
        this.answers = answers;
        this.attendances = attendances;
        this.reviewService = reviewService;
        this.calls = calls;
        this.visits = visits;
        this.pollSlots = pollSlots;
        this.readings = readings;
        this.engagements = engagements;
        this.settings = settings;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    // ---- opening -----------------------------------------------------------------------------

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
        List<SchedulingPoll.Slot> slots = pollSlots.read(slotLines, engagement.zone(), minutes, violations);
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
            PollReadings.RoundView round = readings.round(poll, null);
            // a slot too near by now could not be scheduled any more
            List<PollReadings.SlotView> candidates = round.slots().stream().filter(PollReadings.SlotView::quorum)
                    .filter(slot -> !reviewService.tooSoon(slot.startsAt())).toList();
            Comparator<PollReadings.SlotView> better = Comparator.comparingInt(PollReadings.SlotView::available).reversed()
                    .thenComparingInt(PollReadings.SlotView::notAvailable)
                    .thenComparingInt(slot -> slot.outsideWorkingHours().size());
            List<PollReadings.SlotView> ranked = candidates.stream().sorted(better).toList();
            List<PollReadings.SlotView> best = ranked.stream().filter(slot -> better.compare(slot, ranked.get(0)) == 0).toList();
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

    private String outcomeWords(SchedulingPoll poll, PollReadings.RoundView round) {
        return switch (poll.getStatus()) {
            case CHOSEN -> "Scheduling poll: slot " + poll.getChosenSlot() + " chosen, "
                    + round.slots().get(poll.getChosenSlot() - 1).when();
            case TIED -> "Scheduling poll: slots "
                    + round.slots().stream().filter(PollReadings.SlotView::quorum).map(slot -> String.valueOf(slot.slot()))
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
        if (!readings.round(poll, null).slots().get(slot - 1).quorum()) {
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

    /** The latest round of a review's poll. */
    SchedulingPoll latest(Long reviewId) {
        return polls.findFirstByReviewIdOrderByRoundDesc(reviewId)
                .orElseThrow(() -> new NotFoundException("scheduling poll of review", reviewId));
    }

    boolean hasFailedTwice(Long reviewId) {
        List<SchedulingPoll> rounds = polls.findByReviewIdOrderByRoundAsc(reviewId);
        return rounds.size() >= MAX_ROUNDS && rounds.get(rounds.size() - 1).getStatus() == SchedulingPoll.Status.NO_QUORUM;
    }

    SchedulingPoll find(Long pollId) {
        return polls.findById(pollId).orElseThrow(() -> new NotFoundException("scheduling poll", pollId));
    }

    private Long engagementOf(SchedulingPoll poll) {
        return reviewService.find(poll.getReviewId()).getEngagementId();
    }
}
