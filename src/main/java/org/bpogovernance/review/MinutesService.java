package org.bpogovernance.review;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bpogovernance.action.ActionItem;
import org.bpogovernance.action.ActionItemService.ProposedAction;
import org.bpogovernance.action.ActionItemService;
import org.bpogovernance.audit.AuditTrail;
import org.bpogovernance.engagement.Engagement;
import org.bpogovernance.engagement.EngagementService;
import org.bpogovernance.engagement.SignOffRounds;
import org.bpogovernance.engagement.Side;
import org.bpogovernance.engagement.StakeholderRole;
import org.bpogovernance.escalation.EscalationService;
import org.bpogovernance.platform.ConflictException;
import org.bpogovernance.platform.FormValues;
import org.bpogovernance.platform.InvalidInputException.Violation;
import org.bpogovernance.platform.InvalidInputException;
import org.bpogovernance.platform.NotFoundException;
import org.bpogovernance.platform.PeopleDates;
import org.bpogovernance.security.UserDirectory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A review call from the call on: the minutes (attendance, what was said and decided, milestone
 * updates, new action items), the two-party sign-off with rework or escalation on rejection,
 * the locked record, and the client's satisfaction.
 */
@Service
public class MinutesService {

    /** One participant's presence as the officer recorded it. */
    public record PresenceLine(String user, String name, String response, String attendance) {
    }

    /** A milestone line of the record form. */
    public record MilestoneLine(Long id, String title, LocalDate dueDate, String status) {
    }

    /** An action item line of the record form. */
    public record ActionLine(String description, String owner, LocalDate dueDate) {
    }

    /** The two named signers of a round. */
    public record Signers(String client, String provider) {
    }

    /** How a sign-off round ended. */
    public enum Outcome {
        APPROVED, REWORK, ESCALATE
    }

    private final ReviewService reviewService;
    private final SignOffRounds rounds;
    private final ReviewCalls calls;
    private final ReviewRepository reviews;
    private final AttendanceRepository attendances;
    private final MinutesSignOffRepository signOffs;
    private final MeetingService meetings;
    private final MilestoneService milestones;
    private final ActionItemService actionItems;
    private final EscalationService escalations;
    private final EngagementService engagements;
    private final UserDirectory users;
    private final AuditTrail auditTrail;
    private final SignedMinutesMail signedMinutesMail;
    private final OnSiteVisits visits;
    private final Clock clock;

    MinutesService(ReviewService reviewService, ReviewCalls calls, ReviewRepository reviews, AttendanceRepository attendances,
            MinutesSignOffRepository signOffs, MeetingService meetings, MilestoneService milestones,
            ActionItemService actionItems, EscalationService escalations, EngagementService engagements,
            SignOffRounds rounds, UserDirectory users, AuditTrail auditTrail, SignedMinutesMail signedMinutesMail,
            OnSiteVisits visits, Clock clock) {
        this.reviewService = reviewService;
        this.rounds = rounds;
        this.calls = calls;
        this.reviews = reviews;
        this.attendances = attendances;
        this.signOffs = signOffs;
        this.meetings = meetings;
        this.milestones = milestones;
        this.actionItems = actionItems;
        this.escalations = escalations;
        this.engagements = engagements;
        this.users = users;
        this.auditTrail = auditTrail;
        this.signedMinutesMail = signedMinutesMail;
        this.visits = visits;
        this.clock = clock;
    }

    // ---- recording the call ------------------------------------------------------------------

    /** The day of the call (today for a review without a meeting) and its format (null without a meeting). */
    public record CallHeld(LocalDate day, String format) {
    }

    @Transactional(readOnly = true)
    public CallHeld callHeld(Long reviewId) {
        Review review = reviewService.find(reviewId);
        return new CallHeld(callDay(review), review.getMeetingId() == null ? null
                : meetings.forProcess(review.getEngagementId(), review.getMeetingId()).getFormat());
    }

    /**
     * The invitees with their answers; the presence suggested from the answer and the call's format:
     * ABSENT for who declined, else ON_SITE on premises, REMOTE on a remote call, and none on a
     * hybrid call (who came in person is not known).
     */
    @Transactional(readOnly = true)
    public List<PresenceLine> presenceLines(Long reviewId) {
        String format = callHeld(reviewId).format();
        return attendances.findByReviewIdOrderByIdAsc(reviewId).stream().map(a -> new PresenceLine(a.getUserId(),
                users.find(a.getUserId()).map(UserDirectory.Person::displayName).orElse(a.getUserId()), a.getResponse().name(),
                a.getPresence() != null ? a.getPresence().name()
                        : a.getResponse() == Attendance.Response.DECLINED ? Attendance.Presence.ABSENT.name()
                        : "REMOTE".equals(format) ? Attendance.Presence.REMOTE.name()
                        : "ON_PREMISES".equals(format) ? Attendance.Presence.ON_SITE.name() : null))
                .toList();
    }

    @Transactional(readOnly = true)
    public List<MilestoneLine> milestoneLines(Long engagementId) {
        return milestones.open(engagementId).stream()
                .map(m -> new MilestoneLine(m.getId(), m.getTitle(), m.getDueDate(), m.getStatus().name())).toList();
    }

    @Transactional(readOnly = true)
    public List<ActionLine> proposedActions(Long reviewId) {
        return actionItems.ofReview(reviewId).stream().filter(item -> item.getStatus() == ActionItem.Status.PROPOSED)
                .map(item -> new ActionLine(item.getDescription(), item.getOwner(), item.getDueDate())).toList();
    }

    /**
     * Records the call: each invitee's presence, the minutes (required) with decisions, successes,
     * lessons learned and risks, milestone status updates, and the new action items (each with an
     * owner on the engagement and a due date after the call).
     */
    @Transactional
    public Review record(Long reviewId, String by, List<PresenceLine> presence, MinutesText text,
            List<MilestoneService.StatusUpdate> milestoneUpdates, List<ActionLine> actions, List<OnSiteVisits.TravelLine> travel) {
        Review review = reviewService.find(reviewId);
        review.requireStatus(Review.Status.SCHEDULED);
        List<Violation> violations = new ArrayList<>();
        checkText(text, violations);
        Map<String, Attendance> invited = new HashMap<>();
        attendances.findByReviewIdOrderByIdAsc(reviewId).forEach(a -> invited.put(a.getUserId(), a));
        Map<Attendance, Attendance.Presence> recorded = new HashMap<>();
        for (int i = 0; i < presence.size(); i++) {
            PresenceLine line = presence.get(i);
            String path = ReviewCallProcess.ATTENDANCE + "[" + i + "]";
            Attendance attendance = line.user() == null ? null : invited.get(line.user());
            if (attendance == null) {
                violations.add(new Violation(path + ".user", line.user() + " was not invited to this call"));
                continue;
            }
            try {
                recorded.put(attendance, Attendance.Presence.valueOf(line.attendance() == null ? "" : line.attendance()));
            } catch (IllegalArgumentException unknown) {
                violations.add(new Violation(path + ".attendance", "must be ON_SITE, REMOTE or ABSENT for " + line.user()));
            }
        }
        invited.values().stream().filter(a -> !recorded.containsKey(a) && presence.stream()
                .noneMatch(line -> a.getUserId().equals(line.user()))).forEach(a -> violations.add(new Violation(
                ReviewCallProcess.ATTENDANCE, "says nothing of " + a.getUserId() + ": present on site, remote or absent?")));
        LocalDate callDay = callDay(review);
        violations.addAll(milestones.statusViolations(review.getEngagementId(), ReviewCallProcess.MILESTONE_UPDATES,
                milestoneUpdates));
        violations.addAll(actionItems.proposalViolations(review.getEngagementId(), ReviewCallProcess.ACTION_ITEMS,
                proposals(actions), callDay));
        java.util.Set<String> travellers = new java.util.HashSet<>(invited.keySet());
        travellers.add(by);
        String format = review.getMeetingId() == null ? null
                : meetings.forProcess(review.getEngagementId(), review.getMeetingId()).getFormat();
        violations.addAll(visits.travelViolations(review, format, travel, travellers));
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        visits.recordTravel(review, travel);
        milestones.updateStatuses(review.getEngagementId(), ReviewCallProcess.MILESTONE_UPDATES, milestoneUpdates);
        List<ActionItem> proposed = actionItems.propose(review.getEngagementId(), reviewId, ReviewCallProcess.ACTION_ITEMS,
                proposals(actions), callDay);
        recorded.forEach((attendance, present) -> {
            attendance.attended(present);
            attendances.save(attendance);
        });
        review.record(trimmed(text), by, Instant.now(clock));
        auditTrail.record(EngagementService.AUDIT_TYPE, review.getEngagementId(), "REVIEW_RECORDED",
                review.title() + " by " + by + ": " + recorded.values().stream().filter(p -> p != Attendance.Presence.ABSENT)
                        .count() + " present, " + proposed.size() + " new action items");
        return reviews.save(review);
    }

    // ---- the same steps through /api ---------------------------------------------------------

    /** A party's decision on the minutes through the API: completes that party's open sign-off task. */
    @Transactional
    public Review signThroughApi(Long engagementId, Long reviewId, String user, String decision, String reason,
            String nextStep) {
        Review review = visible(engagementId, reviewId);
        Side side = user.equals(engagements.holderOf(engagementId, StakeholderRole.CLIENT_REPRESENTATIVE)) ? Side.CLIENT
                : user.equals(engagements.holderOf(engagementId, StakeholderRole.PROVIDER_MANAGER)) ? Side.PROVIDER : null;
        if (side == null) {
            throw new InvalidInputException("signer", user + " is not a named signer of these minutes; the client "
                    + "representative and the provider manager sign them");
        }
        if (review.getStatus() != Review.Status.IN_SIGN_OFF) {
            throw new ConflictException("status", "the minutes of review " + reviewId + " are not out for sign-off ("
                    + review.getStatus() + ")");
        }
        var task = calls.signOffTask(review.getProcessInstanceId(), side).orElseThrow(() -> new ConflictException(
                ReviewCallProcess.SIGN_OFF_DECISION, "the " + side + " side has already decided on round "
                        + review.getSignOffRound() + " of these minutes"));
        Map<String, Object> values = new HashMap<>();
        values.put(ReviewCallProcess.SIGN_OFF_DECISION, decision);
        values.put(ReviewCallProcess.SIGN_OFF_REASON, reason);
        values.put(ReviewCallProcess.SIGN_OFF_NEXT_STEP, nextStep);
        calls.complete(task, values);
        return reviewService.find(reviewId);
    }

    /** The officer's rework through the API, while the minutes are back: completes the rework task. */
    @Transactional
    public Review reworkThroughApi(Long engagementId, Long reviewId, MinutesText text) {
        Review review = visible(engagementId, reviewId);
        review.requireStatus(Review.Status.REWORK);
        var task = calls.openTask(review.getProcessInstanceId(), "userTask_reworkMinutes").orElseThrow(() ->
                new ConflictException("status", "the minutes of review " + reviewId + " are not back for rework"));
        Map<String, Object> values = new HashMap<>();
        values.put(ReviewCallProcess.MINUTES, text.minutes());
        values.put(ReviewCallProcess.DECISIONS, text.decisions());
        values.put(ReviewCallProcess.SUCCESSES, text.successes());
        values.put(ReviewCallProcess.LESSONS_LEARNED, text.lessonsLearned());
        values.put(ReviewCallProcess.RISKS, text.risks());
        calls.complete(task, values);
        return reviewService.find(reviewId);
    }

    private Review visible(Long engagementId, Long reviewId) {
        engagements.get(engagementId);
        Review review = reviewService.find(reviewId);
        if (!review.getEngagementId().equals(engagementId)) {
            throw new NotFoundException("review", reviewId);
        }
        return review;
    }

    // ---- sign-off ----------------------------------------------------------------------------

    /** Sends the minutes for sign-off: a new round, to the client representative and the provider manager. */
    @Transactional
    public Signers openSignOff(Long reviewId) {
        Review review = reviewService.find(reviewId);
        int round = review.openSignOffRound();
        reviews.save(review);
        Signers signers = new Signers(engagements.holderOf(review.getEngagementId(), StakeholderRole.CLIENT_REPRESENTATIVE),
                engagements.holderOf(review.getEngagementId(), StakeholderRole.PROVIDER_MANAGER));
        auditTrail.record(EngagementService.AUDIT_TYPE, review.getEngagementId(), "MINUTES_SENT_FOR_SIGN_OFF",
                review.title() + ", round " + round + " to " + signers.client() + " and " + signers.provider());
        return signers;
    }

    /** One party's decision on the minutes; only the named signer, once per round; a rejection needs its reason. */
    @Transactional
    public MinutesSignOff decide(Long reviewId, Side side, String signer, String decision, String reason, String nextStep) {
        Review review = reviewService.find(reviewId);
        StakeholderRole role = side == Side.CLIENT ? StakeholderRole.CLIENT_REPRESENTATIVE : StakeholderRole.PROVIDER_MANAGER;
        String named = engagements.holderOf(review.getEngagementId(), role);
        if (!named.equals(signer)) {
            throw new InvalidInputException("signer", signer + " is not the named signer for the " + side
                    + " side; only " + named + " may sign these minutes");
        }
        if (review.getStatus() != Review.Status.IN_SIGN_OFF) {
            throw new ConflictException("status", "the minutes of review " + reviewId + " are not out for sign-off ("
                    + review.getStatus() + ")");
        }
        if (signOffs.findByReviewIdAndRound(reviewId, review.getSignOffRound()).stream().anyMatch(s -> s.getSide() == side)) {
            throw new ConflictException("signOffDecision", "the " + side + " side has already decided on round "
                    + review.getSignOffRound() + " of these minutes");
        }
        MinutesSignOff.Decision parsed = parse(MinutesSignOff.Decision.class, decision, ReviewCallProcess.SIGN_OFF_DECISION,
                "must be APPROVE or REJECT");
        MinutesSignOff.NextStep step = null;
        if (parsed == MinutesSignOff.Decision.REJECT) {
            if (reason == null || reason.isBlank()) {
                throw new InvalidInputException(ReviewCallProcess.SIGN_OFF_REASON, "is required when rejecting the minutes");
            }
            step = nextStep == null || nextStep.isBlank() ? MinutesSignOff.NextStep.REWORK
                    : parse(MinutesSignOff.NextStep.class, nextStep, ReviewCallProcess.SIGN_OFF_NEXT_STEP,
                            "must be REWORK or ESCALATE");
        }
        if (reason != null && reason.length() > 2000) {
            throw new InvalidInputException(ReviewCallProcess.SIGN_OFF_REASON, "must be at most 2000 characters");
        }
        MinutesSignOff signOff = signOffs.saveAndFlush(new MinutesSignOff(reviewId, review.getSignOffRound(), side, signer,
                parsed, reason == null || reason.isBlank() ? null : reason.trim(), step, Instant.now(clock)));
        auditTrail.record(EngagementService.AUDIT_TYPE, review.getEngagementId(), "MINUTES_" + parsed + "D",
                review.title() + ", " + side + " by " + signer + ", round " + review.getSignOffRound()
                        + (signOff.getReason() == null ? "" : ": " + signOff.getReason())
                        + (step == null ? "" : " (" + step + ")"));
        return signOff;
    }

    /** Both approved, or the minutes go back: escalated too if a rejecting party asked for it. */
    @Transactional
    public Outcome outcome(Long reviewId) {
        Review review = reviewService.find(reviewId);
        List<MinutesSignOff> round = signOffs.findByReviewIdAndRound(reviewId, review.getSignOffRound());
        if (round.size() == 2 && round.stream().allMatch(s -> s.getDecision() == MinutesSignOff.Decision.APPROVE)) {
            return Outcome.APPROVED;
        }
        review.rejected();
        reviews.save(review);
        rounds.rejected(review.getEngagementId(), minutesDispute(reviewId), review.getSignOffRound(),
                "The minutes of " + review.title());
        // at the limit the whole dispute has gone up the ladder; a party's request to escalate the round adds nothing
        return round.stream().anyMatch(s -> s.getNextStep() == MinutesSignOff.NextStep.ESCALATE)
                && !rounds.atOrPastLimit(review.getSignOffRound()) ? Outcome.ESCALATE : Outcome.REWORK;
    }

    private static String minutesDispute(Long reviewId) {
        return "minutes:" + reviewId;
    }

    /** The rejections of the last round, as the officer reads them when reworking. */
    @Transactional(readOnly = true)
    public String rejections(Long reviewId) {
        Review review = reviewService.find(reviewId);
        return signOffs.findByReviewIdAndRound(reviewId, review.getSignOffRound()).stream()
                .filter(s -> s.getDecision() == MinutesSignOff.Decision.REJECT)
                .map(s -> s.getSide() + " (" + s.getSigner() + "): " + s.getReason())
                .collect(Collectors.joining("\n"));
    }

    /** A party rejected and asked to escalate: an escalation is raised, once per round. */
    @Transactional
    public void escalateDispute(Long reviewId) {
        Review review = reviewService.find(reviewId);
        escalations.raiseForRejectedSignOff(review.getEngagementId(), reviewId, review.getSignOffRound(),
                "The minutes of " + review.title() + " were rejected: " + rejections(reviewId).replace('\n', ' '));
    }

    /** The officer's rework, while the minutes are back; signed minutes are locked. */
    @Transactional
    public Review rework(Long engagementId, Long reviewId, MinutesText text, List<ActionLine> actions) {
        Review review = reviewService.find(reviewId);
        if (!review.getEngagementId().equals(engagementId)) {
            throw new NotFoundException("review", reviewId);
        }
        review.requireStatus(Review.Status.REWORK);
        rounds.opening(engagementId, minutesDispute(reviewId), review.getSignOffRound() + 1);
        List<Violation> violations = new ArrayList<>();
        checkText(text, violations);
        if (actions != null) {
            violations.addAll(actionItems.proposalViolations(engagementId, ReviewCallProcess.ACTION_ITEMS, proposals(actions),
                    callDay(review)));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        if (actions != null) {
            actionItems.propose(engagementId, reviewId, ReviewCallProcess.ACTION_ITEMS, proposals(actions), callDay(review));
        }
        review.rework(trimmed(text));
        auditTrail.record(EngagementService.AUDIT_TYPE, engagementId, "MINUTES_REWORKED", review.title());
        return reviews.save(review);
    }

    /** Both parties approved: the record is locked, its action items open, and everyone gets the signed minutes. */
    @Transactional
    public Review close(Long reviewId) {
        Review review = reviewService.find(reviewId);
        review.signedOff(Instant.now(clock));
        List<ActionItem> opened = actionItems.open(reviewId);
        auditTrail.record(EngagementService.AUDIT_TYPE, review.getEngagementId(), "REVIEW_SIGNED_OFF",
                review.title() + ": minutes approved by both parties, " + opened.size() + " action items open");
        Review signed = reviews.save(review);
        signedMinutesMail.send(signed);
        return signed;
    }

    /** The client representative's satisfaction with the call, 1 (poor) to 5 (excellent). */
    @Transactional
    public Review rate(Long reviewId, String by, Integer score, String comment) {
        Review review = reviewService.find(reviewId);
        String named = engagements.holderOf(review.getEngagementId(), StakeholderRole.CLIENT_REPRESENTATIVE);
        if (!named.equals(by)) {
            throw new InvalidInputException("rater", by + " is not the client representative; only " + named + " rates the call");
        }
        if (score == null || score < 1 || score > 5) {
            throw new InvalidInputException(ReviewCallProcess.SATISFACTION_SCORE, "must be a whole number from 1 to 5");
        }
        if (comment != null && comment.length() > 2000) {
            throw new InvalidInputException(ReviewCallProcess.SATISFACTION_COMMENT, "must be at most 2000 characters");
        }
        if (review.getSatisfactionScore() != null) {
            throw new ConflictException(ReviewCallProcess.SATISFACTION_SCORE, "this call was rated already");
        }
        review.rate(score, comment == null || comment.isBlank() ? null : comment.trim(), by);
        auditTrail.record(EngagementService.AUDIT_TYPE, review.getEngagementId(), "REVIEW_RATED",
                review.title() + ": " + score + "/5" + (review.getSatisfactionComment() == null ? "" : " — " + review.getSatisfactionComment()));
        return reviews.save(review);
    }

    /** The whole record as plain text, as the signers read it in their form. */
    @Transactional(readOnly = true)
    public String minutesText(Long reviewId) {
        Review review = reviewService.find(reviewId);
        Engagement engagement = engagements.forProcess(review.getEngagementId());
        StringBuilder text = new StringBuilder(engagement.getName() + " — " + MinutesDocument.title(review) + "\n\n");
        text.append("Attendance\n");
        attendances.findByReviewIdOrderByIdAsc(reviewId).forEach(a -> text.append("- ").append(name(a.getUserId()))
                .append(": ").append(a.getPresence() != null ? words(a.getPresence())
                        : a.getResponse() == Attendance.Response.INVITED ? "no answer" : words(a.getResponse()))
                .append('\n'));
        section(text, "Minutes", review.getMinutes());
        section(text, "Decisions", review.getDecisions());
        section(text, "Successes", review.getSuccesses());
        section(text, "Lessons learned", review.getLessonsLearned());
        section(text, "Risks", review.getRisks());
        List<ActionItem> items = actionItems.ofReview(reviewId);
        if (!items.isEmpty()) {
            text.append("\nAction items\n");
            items.forEach(item -> text.append("- ").append(item.getDescription()).append(" — ").append(name(item.getOwner()))
                    .append(", due ").append(PeopleDates.day(item.getDueDate())).append('\n'));
        }
        return text.toString();
    }

    private String name(String userId) {
        return users.find(userId).map(UserDirectory.Person::displayName).orElse(userId);
    }

    private static String words(Enum<?> code) {
        return code.name().toLowerCase(java.util.Locale.ENGLISH).replace('_', ' ');
    }

    private static void section(StringBuilder text, String title, String content) {
        if (content != null && !content.isBlank()) {
            text.append('\n').append(title).append('\n').append(content).append('\n');
        }
    }

    private LocalDate callDay(Review review) {
        if (review.getMeetingId() == null) {
            return LocalDate.now(clock);
        }
        return meetings.forProcess(review.getEngagementId(), review.getMeetingId()).getStartsAt().toLocalDate();
    }

    private static void checkText(MinutesText text, List<Violation> violations) {
        if (text.minutes() == null || text.minutes().isBlank()) {
            violations.add(new Violation(ReviewCallProcess.MINUTES, "are required: what was discussed"));
        }
        limit(violations, ReviewCallProcess.MINUTES, text.minutes(), FormValues.MAX_TEXT);
        limit(violations, ReviewCallProcess.DECISIONS, text.decisions(), FormValues.MAX_TEXT);
        limit(violations, ReviewCallProcess.SUCCESSES, text.successes(), FormValues.MAX_TEXT);
        limit(violations, ReviewCallProcess.LESSONS_LEARNED, text.lessonsLearned(), FormValues.MAX_TEXT);
        limit(violations, ReviewCallProcess.RISKS, text.risks(), FormValues.MAX_TEXT);
    }

    private static void limit(List<Violation> violations, String field, String value, int max) {
        if (value != null && value.length() > max) {
            violations.add(new Violation(field, "must be at most " + max + " characters"));
        }
    }

    private static MinutesText trimmed(MinutesText text) {
        return new MinutesText(trim(text.minutes()), trim(text.decisions()), trim(text.successes()),
                trim(text.lessonsLearned()), trim(text.risks()));
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static List<ProposedAction> proposals(List<ActionLine> actions) {
        return actions.stream().map(a -> a == null ? null : new ProposedAction(a.description(), a.owner(), a.dueDate()))
                .toList();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, String message) {
        try {
            return Enum.valueOf(type, value == null ? "" : value);
        } catch (IllegalArgumentException unknown) {
            throw new InvalidInputException(field, message);
        }
    }
}
