package org.bpogovernance.renewal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bpogovernance.audit.AuditTrail;
import org.bpogovernance.engagement.Engagement;
import org.bpogovernance.engagement.EngagementService;
import org.bpogovernance.engagement.SignOffRounds;
import org.bpogovernance.engagement.Stakeholder;
import org.bpogovernance.engagement.StakeholderRole;
import org.bpogovernance.engagement.Term;
import org.bpogovernance.escalation.EscalationService;
import org.bpogovernance.notification.Notifications;
import org.bpogovernance.platform.ConflictException;
import org.bpogovernance.platform.FormLines;
import org.bpogovernance.platform.InvalidInputException.Violation;
import org.bpogovernance.platform.InvalidInputException;
import org.bpogovernance.platform.NotFoundException;
import org.bpogovernance.platform.PeopleDates;
import org.bpogovernance.security.CurrentUser;
import org.bpogovernance.servicelevel.ServiceLevelService.ThresholdChange;
import org.bpogovernance.servicelevel.ServiceLevelService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The end of a term: when the renewal window opens, the term's summary and the recommendation,
 * the alerts before the notice date, the steering committee's decision (renew, renegotiate or
 * exit), the renegotiated amendment both parties sign, and the next term.
 */
@Service
public class RenewalService {

    /** The first version's choices: the lifecycle routes RENEW back to operations, anything else to the exit. */
    static final Set<String> FIRST_VERSION_DECISIONS = Set.of("RENEW", "EXIT");

    /**
     * What a decision carries, named as on the form: the next term's dates and metric changes
     * matter for RENEW only.
     */
    public record DecisionRequest(String renewalDecision, String renewalRationale, LocalDate newTermStart,
            LocalDate newTermEnd, Integer newNoticePeriodDays, String metricChanges) {
    }

    /** The renewal review with its summary as the API shows it. */
    public record RenewalRecord(RenewalReview review, List<PartySignOff> amendmentSignOffs) {
    }

    private final RenewalReviewRepository reviews;
    private final SignOffRounds rounds;
    private final PartySignOffRepository signOffs;
    private final TermSummaryService summaries;
    private final RenewalRecommendation recommendation;
    private final RenewalTasks tasks;
    private final EngagementService engagements;
    private final ServiceLevelService serviceLevels;
    private final EscalationService escalations;
    private final Notifications notifications;
    private final RenewalSettings settings;
    private final AuditTrail auditTrail;
    private final CurrentUser currentUser;
    private final TermSummaryMail termSummaryMail;
    private final Clock clock;

    RenewalService(RenewalReviewRepository reviews, PartySignOffRepository signOffs, TermSummaryService summaries,
            RenewalRecommendation recommendation, RenewalTasks tasks, EngagementService engagements,
            ServiceLevelService serviceLevels, EscalationService escalations, Notifications notifications,
            RenewalSettings settings, SignOffRounds rounds, AuditTrail auditTrail, CurrentUser currentUser, TermSummaryMail termSummaryMail,
            Clock clock) {
        this.reviews = reviews;
        this.rounds = rounds;
        this.signOffs = signOffs;
        this.summaries = summaries;
        this.recommendation = recommendation;
        this.tasks = tasks;
        this.engagements = engagements;
        this.serviceLevels = serviceLevels;
        this.escalations = escalations;
        this.notifications = notifications;
        this.settings = settings;
        this.auditTrail = auditTrail;
        this.currentUser = currentUser;
        this.termSummaryMail = termSummaryMail;
        this.clock = clock;
    }

    // ---- the window and the alerts -----------------------------------------------------------

    /** The first renewal alert: the longest lead time before the notice date, 09:00 local time; now if that has passed. */
    @Transactional(readOnly = true)
    public OffsetDateTime renewalWindowOpensAt(Long engagementId) {
        Engagement engagement = engagements.forProcess(engagementId);
        OffsetDateTime opens = at(engagement, engagement.noticeDate().minusDays(settings.longestLeadDays()));
        OffsetDateTime now = OffsetDateTime.now(clock);
        return opens.isBefore(now) ? now : opens;
    }

    /**
     * Opens the renewal review of the current term (once per term: a retried step finds it): the
     * term's summary and the renewal-recommendation table's advice.
     */
    @Transactional
    public RenewalReview open(Long engagementId, String processInstanceId) {
        Engagement engagement = engagements.forProcess(engagementId);
        RenewalReview review = reviews.findByEngagementIdAndTermNumber(engagementId, engagement.getTermNumber())
                .orElseGet(() -> reviews.save(new RenewalReview(engagementId, engagement.getTermNumber(),
                        Instant.now(clock), processInstanceId)));
        TermSummary summary = summaries.ofCurrentTerm(engagementId);
        RenewalRecommendation.Advice advice = recommendation.advise(summary);
        review.summarised(summary.text(), advice.recommendation(), advice.reason());
        auditTrail.record(EngagementService.AUDIT_TYPE, engagementId, "RENEWAL_REVIEW_OPENED", "term "
                + review.getTermNumber() + ": recommendation " + advice.recommendation() + " (" + advice.reason() + "), as "
                + advice.decidedBy() + " advises");
        return reviews.save(review);
    }

    /** When notice must be given at the latest: 09:00 on the notice date, local time. */
    @Transactional(readOnly = true)
    public OffsetDateTime noticeDateAt(Long engagementId) {
        Engagement engagement = engagements.forProcess(engagementId);
        return at(engagement, engagement.noticeDate());
    }

    /** When the term has ended: midnight after its last day, local time. */
    @Transactional(readOnly = true)
    public OffsetDateTime termEndsAt(Long engagementId) {
        Engagement engagement = engagements.forProcess(engagementId);
        return engagement.getTermEnd().plusDays(1).atStartOfDay(engagement.zone()).toOffsetDateTime();
    }

    /** The term ended while the decision was still open: the renewal lapses, and the lifecycle closes the engagement. */
    @Transactional
    public void lapse(Long renewalReviewId) {
        RenewalReview review = find(renewalReviewId);
        review.lapsed();
        reviews.save(review);
        Engagement engagement = engagements.forProcess(review.getEngagementId());
        auditTrail.record(EngagementService.AUDIT_TYPE, engagement.getId(), "RENEWAL_LAPSED", "term "
                + review.getTermNumber() + " ended on " + engagement.getTermEnd()
                + " with no renewal decision; the engagement closes");
    }

    /** The steering committee: the engagement's executive sponsors of both sides and its governance officer. */
    @Transactional(readOnly = true)
    public List<String> deciders(Long engagementId) {
        Set<String> people = new LinkedHashSet<>();
        engagements.stakeholdersForProcess(engagementId).stream()
                .filter(s -> s.getRole() == StakeholderRole.EXECUTIVE_SPONSOR).map(Stakeholder::getUserId)
                .forEach(people::add);
        Optional.ofNullable(engagements.holderOrNull(engagementId, StakeholderRole.GOVERNANCE_OFFICER)).ifPresent(people::add);
        return List.copyOf(people);
    }

    /**
     * Mails the alert of the lead time that has come (each at most once per person), with the
     * recommendation; returns when the next one is due, if any. {@code plannedFor} is when the
     * timer that sends it was due (null for the first): a late timer still sends its own alert.
     */
    @Transactional
    public Optional<OffsetDateTime> sendAlert(Long renewalReviewId, OffsetDateTime plannedFor) {
        RenewalReview review = find(renewalReviewId);
        Engagement engagement = engagements.forProcess(review.getEngagementId());
        OffsetDateTime now = plannedFor == null ? OffsetDateTime.now(clock) : plannedFor;
        List<Integer> leads = settings.alertLeadDays().stream().distinct().sorted((a, b) -> b - a).toList();
        Integer current = leads.get(0);
        OffsetDateTime next = null;
        for (Integer lead : leads) {
            OffsetDateTime due = at(engagement, engagement.noticeDate().minusDays(lead));
            if (!due.isAfter(now)) {
                current = lead;
            } else if (next == null || due.isBefore(next)) {
                next = due;
            }
        }
        if (review.getStatus() == RenewalReview.Status.OPEN) {
            long daysLeft = java.time.temporal.ChronoUnit.DAYS.between(
                    now.atZoneSameInstant(engagement.zone()).toLocalDate(), engagement.noticeDate());
            for (String user : alertRecipients(engagement.getId())) {
                notifications.notifyUser("renewal-alert:" + review.getId() + ":" + current + ":" + user,
                        Notifications.Kind.RENEWAL_ALERT, engagement.getId(), user, Map.of(
                                "engagementName", engagement.getName(),
                                "term", review.getTermNumber(),
                                "termEnd", PeopleDates.day(engagement.getTermEnd()),
                                "noticeDate", PeopleDates.day(engagement.noticeDate()),
                                "daysLeft", Math.max(0, daysLeft),
                                "recommendation", String.valueOf(review.getRecommendation()).toLowerCase(java.util.Locale.ROOT),
                                "reason", String.valueOf(review.getRecommendationReason())));
            }
            auditTrail.record(EngagementService.AUDIT_TYPE, engagement.getId(), "RENEWAL_ALERT",
                    current + " days before the notice date " + engagement.noticeDate());
        }
        return Optional.ofNullable(next);
    }

    private List<String> alertRecipients(Long engagementId) {
        return deciders(engagementId);
    }

    /** The notice date passed undecided: an escalation straight to the steering committee, once. */
    @Transactional
    public void escalateUndecided(Long renewalReviewId) {
        RenewalReview review = find(renewalReviewId);
        if (review.getStatus() != RenewalReview.Status.OPEN || review.getDecision() != null) {
            return;
        }
        Engagement engagement = engagements.forProcess(review.getEngagementId());
        escalations.raiseForUndecidedRenewal(engagement.getId(), review.getTermNumber(), "No renewal decision on term "
                + review.getTermNumber() + " by the notice date " + engagement.noticeDate() + "; recommended: "
                + review.getRecommendation());
        review.escalated(Instant.now(clock));
        reviews.save(review);
    }

    // ---- the decision ------------------------------------------------------------------------

    /**
     * The steering committee's decision, with its rationale; it may differ from the
     * recommendation. RENEW needs the next term (starting after the current one) and may change
     * metrics; RENEGOTIATE agrees the terms in an amendment first; EXIT starts the exit.
     */
    @Transactional
    public RenewalReview decide(Long renewalReviewId, String by, DecisionRequest request) {
        RenewalReview review = find(renewalReviewId);
        Engagement engagement = engagements.forProcess(review.getEngagementId());
        engagement.requireOpen();
        review.requireStatus(RenewalReview.Status.OPEN);
        if (!deciders(engagement.getId()).contains(by) && !currentUser.seesEverything()) {
            throw new InvalidInputException("decidedBy", by + " is not on the steering committee of this engagement");
        }
        List<Violation> violations = new ArrayList<>();
        RenewalReview.Decision decision = null;
        try {
            decision = request.renewalDecision() == null ? null : RenewalReview.Decision.valueOf(request.renewalDecision());
        } catch (IllegalArgumentException unknown) {
            // reported below
        }
        if (decision == null) {
            violations.add(new Violation(RenewalProcess.DECISION_FIELD, "must be one of RENEW, RENEGOTIATE, EXIT"));
        }
        if (request.renewalRationale() == null || request.renewalRationale().isBlank()) {
            violations.add(new Violation(RenewalProcess.RENEWAL_RATIONALE, "is required: say why"));
        } else if (request.renewalRationale().length() > 2000) {
            violations.add(new Violation(RenewalProcess.RENEWAL_RATIONALE, "must be at most 2000 characters"));
        }
        List<ThresholdChange> changes = decision != RenewalReview.Decision.RENEW ? List.of()
                : checkNextTerm(engagement.getId(), request.newTermStart(), request.newTermEnd(),
                        request.newNoticePeriodDays(), request.metricChanges(), violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        if (decision == RenewalReview.Decision.RENEW) {
            review.agreeNextTerm(request.newTermStart(), request.newTermEnd(), request.newNoticePeriodDays(),
                    blankToNull(request.metricChanges()), null);
        }
        review.decide(decision, request.renewalRationale().trim(), by, Instant.now(clock));
        escalations.renewalDecided(engagement.getId(), review.getTermNumber(), decision + " by " + by);
        auditTrail.record(EngagementService.AUDIT_TYPE, engagement.getId(), "RENEWAL_DECIDED", decision + " by " + by
                + (review.getFollowsRecommendation() ? "" : " (recommended: " + review.getRecommendation() + ")") + ": "
                + review.getRationale() + (changes.isEmpty() ? "" : "; " + changes.size() + " metric changes"));
        RenewalReview decided = reviews.save(review);
        termSummaryMail.send(decided);
        return decided;
    }

    /** Instances of the first version (no review record): the decision, in the audit trail. */
    @Transactional
    public void recordFirstVersionDecision(Long engagementId, String decision, String rationale) {
        if (decision == null || !FIRST_VERSION_DECISIONS.contains(decision)) {
            throw new InvalidInputException(RenewalProcess.DECISION_FIELD, "must be one of " + FIRST_VERSION_DECISIONS);
        }
        if (rationale == null || rationale.isBlank()) {
            throw new InvalidInputException(RenewalProcess.RENEWAL_RATIONALE, "is required: say why");
        }
        auditTrail.record(EngagementService.AUDIT_TYPE, engagementId, "RENEWAL_DECIDED", decision + ": " + rationale.trim());
    }

    /** The officer's amended terms after a RENEGOTIATE decision: the next term, what changes, and metric changes. */
    @Transactional
    public RenewalReview amend(Long renewalReviewId, LocalDate start, LocalDate end, Integer noticeDays, String amendment,
            String metricChanges) {
        RenewalReview review = find(renewalReviewId);
        engagements.forProcess(review.getEngagementId()).requireOpen();
        review.requireStatus(RenewalReview.Status.RENEGOTIATING);
        List<Violation> violations = new ArrayList<>();
        if (amendment == null || amendment.isBlank()) {
            violations.add(new Violation(RenewalProcess.AMENDMENT, "is required: what changes in the contract"));
        } else if (amendment.length() > 4000) {
            violations.add(new Violation(RenewalProcess.AMENDMENT, "must be at most 4000 characters"));
        }
        List<ThresholdChange> changes = checkNextTerm(review.getEngagementId(), start, end, noticeDays, metricChanges,
                violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        int round = signOffs.findByEngagementIdAndSubjectOrderByIdAsc(review.getEngagementId(), PartySignOff.Subject.AMENDMENT)
                .stream().mapToInt(PartySignOff::getRound).max().orElse(review.getAmendmentRound()) + 1;
        rounds.opening(review.getEngagementId(), amendmentDispute(renewalReviewId), round);
        review.agreeNextTerm(start, end, noticeDays, blankToNull(metricChanges), amendment.trim());
        review.amendmentRound(round);
        auditTrail.record(EngagementService.AUDIT_TYPE, review.getEngagementId(), "RENEWAL_AMENDED", "term "
                + start + " to " + end + ", notice " + noticeDays + " days" + (changes.isEmpty() ? "" : ", "
                + changes.size() + " metric changes") + ": " + amendment.trim());
        return reviews.save(review);
    }

    /** The amendment's signers: the client representative and the provider manager. */
    @Transactional(readOnly = true)
    public List<String> signers(Long engagementId) {
        return List.of(engagements.holderOf(engagementId, StakeholderRole.CLIENT_REPRESENTATIVE),
                engagements.holderOf(engagementId, StakeholderRole.PROVIDER_MANAGER));
    }

    /** One party signs the amendment of the current round, or refuses with the reason. */
    @Transactional
    public PartySignOff signAmendment(Long renewalReviewId, String signer, String by, String decision, String reason) {
        RenewalReview review = find(renewalReviewId);
        engagements.forProcess(review.getEngagementId()).requireOpen();
        review.requireStatus(RenewalReview.Status.RENEGOTIATING);
        return PartySignatures.sign(signOffs, engagements, review.getEngagementId(), PartySignOff.Subject.AMENDMENT,
                review.getAmendmentRound(), signer, by, decision, reason, Instant.now(clock), auditTrail);
    }

    /** Whether both parties signed the amendment's current round; a refused round counts towards the limit. */
    @Transactional
    public boolean amendmentSigned(Long renewalReviewId) {
        RenewalReview review = find(renewalReviewId);
        boolean signed = PartySignatures.bothApproved(signOffs, review.getEngagementId(), PartySignOff.Subject.AMENDMENT,
                review.getAmendmentRound());
        if (!signed) {
            rounds.rejected(review.getEngagementId(), amendmentDispute(renewalReviewId), review.getAmendmentRound(),
                    "The contract amendment of " + engagements.forProcess(review.getEngagementId()).getName());
        }
        return signed;
    }

    private static String amendmentDispute(Long renewalReviewId) {
        return "amendment:" + renewalReviewId;
    }

    /** The refusals of the amendment's last round, for the officer's next draft. */
    @Transactional(readOnly = true)
    public String amendmentRejections(Long renewalReviewId) {
        RenewalReview review = find(renewalReviewId);
        return PartySignatures.rejections(signOffs, review.getEngagementId(), PartySignOff.Subject.AMENDMENT,
                review.getAmendmentRound());
    }

    /** Renewed: the agreed term becomes the current one, its metric changes new versions from its first month. */
    @Transactional
    public Term startNewTerm(Long renewalReviewId) {
        RenewalReview review = find(renewalReviewId);
        if (review.getStatus() == RenewalReview.Status.RENEWED) {
            return engagements.currentTerm(review.getEngagementId());
        }
        Long engagementId = review.getEngagementId();
        Term term = engagements.startNextTerm(engagementId, review.getNewTermStart(), review.getNewTermEnd(),
                review.getNewNoticePeriodDays());
        List<ThresholdChange> changes = MetricChangeLines.parse(RenewalProcess.METRIC_CHANGES, review.getMetricChanges());
        serviceLevels.changeThresholds(engagementId, YearMonth.from(term.getStartsOn()), changes);
        review.renewed();
        reviews.save(review);
        return term;
    }

    /** Adds what is wrong with the next term and its metric changes to {@code violations}; returns the changes. */
    private List<ThresholdChange> checkNextTerm(Long engagementId, LocalDate start, LocalDate end, Integer noticeDays,
            String metricChanges, List<Violation> violations) {
        try {
            engagements.checkNextTerm(engagementId, start, end, noticeDays);
        } catch (InvalidInputException invalid) {
            violations.addAll(invalid.violations());
        }
        try {
            MetricChangeLines.Parsed parsed = MetricChangeLines.parseWithLines(RenewalProcess.METRIC_CHANGES, metricChanges);
            FormLines.namingLines(RenewalProcess.METRIC_CHANGES, parsed.lineNumbers(), parsed.unreadable(), () -> {
                serviceLevels.checkThresholdChanges(engagementId, RenewalProcess.METRIC_CHANGES, parsed.changes());
                return null;
            });
            return parsed.changes();
        } catch (InvalidInputException invalid) {
            violations.addAll(invalid.violations());
            return List.of();
        }
    }

    // ---- reading -----------------------------------------------------------------------------

    /** What the decision form shows: the recommendation and its reason. */
    @Transactional(readOnly = true)
    public String recommendationText(Long renewalReviewId) {
        RenewalReview review = find(renewalReviewId);
        return "Recommended: " + review.getRecommendation() + " — " + review.getRecommendationReason()
                + "\n(from the renewal-recommendation table; the steering committee may decide otherwise, saying why)";
    }

    /** What the signers and the officer read of an amendment. */
    @Transactional(readOnly = true)
    public String amendmentText(Long renewalReviewId) {
        RenewalReview review = find(renewalReviewId);
        Engagement engagement = engagements.forProcess(review.getEngagementId());
        return engagement.getName() + " — amendment for term " + (review.getTermNumber() + 1) + "\n\nTerm: "
                + review.getNewTermStart() + " to " + review.getNewTermEnd() + ", notice " + review.getNewNoticePeriodDays()
                + " days\n\n" + review.getAmendment()
                + (review.getMetricChanges() == null ? "" : "\n\nMetric changes (code | target | warning | breach):\n"
                        + review.getMetricChanges())
                + "\n\nDecided: " + review.getDecision() + " by " + review.getDecidedBy() + " — " + review.getRationale();
    }

    /** Suggested next term: from the day after the current one, as long as it, with the same notice period. */
    @Transactional(readOnly = true)
    public Map<String, Object> suggestedNextTerm(Long engagementId) {
        Engagement engagement = engagements.forProcess(engagementId);
        LocalDate start = engagement.getTermEnd().plusDays(1);
        long months = java.time.temporal.ChronoUnit.MONTHS.between(engagement.getTermStart(), engagement.getTermEnd().plusDays(1));
        Map<String, Object> suggestion = new LinkedHashMap<>();
        suggestion.put(RenewalProcess.NEW_TERM_START, start.toString());
        suggestion.put(RenewalProcess.NEW_TERM_END, start.plusMonths(Math.max(1, months)).minusDays(1).toString());
        suggestion.put(RenewalProcess.NEW_NOTICE_PERIOD_DAYS, engagement.getNoticePeriodDays());
        return suggestion;
    }

    @Transactional(readOnly = true)
    public RenewalReview find(Long renewalReviewId) {
        return reviews.findById(renewalReviewId).orElseThrow(() -> new NotFoundException("renewal review", renewalReviewId));
    }

    @Transactional(readOnly = true)
    public List<RenewalReview> of(Long engagementId) {
        engagements.get(engagementId);
        return reviews.findByEngagementIdOrderByTermNumberAsc(engagementId);
    }

    @Transactional(readOnly = true)
    public RenewalRecord get(Long engagementId, Long renewalReviewId) {
        engagements.get(engagementId);
        RenewalReview review = reviews.findByIdAndEngagementId(renewalReviewId, engagementId)
                .orElseThrow(() -> new NotFoundException("renewal review", renewalReviewId));
        return new RenewalRecord(review, signOffs.findByEngagementIdAndSubjectOrderByIdAsc(engagementId,
                PartySignOff.Subject.AMENDMENT).stream().filter(s -> review.getAmendmentRound() > 0).toList());
    }

    /** The API's decision: completes the steering committee's task as if it were submitted in Tasklist. */
    @Transactional
    public RenewalRecord decideThroughApi(Long engagementId, Long renewalReviewId, DecisionRequest request) {
        Engagement engagement = engagements.get(engagementId);
        RenewalReview review = reviews.findByIdAndEngagementId(renewalReviewId, engagementId)
                .orElseThrow(() -> new NotFoundException("renewal review", renewalReviewId));
        engagement.requireOpen();
        review.requireStatus(RenewalReview.Status.OPEN);
        if (request == null) {
            throw new InvalidInputException("body", "is missing");
        }
        var task = tasks.decisionTask(review.getProcessInstanceId()).orElseThrow(() ->
                new ConflictException("the renewal review of term " + review.getTermNumber() + " takes no decision now"));
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(RenewalProcess.DECISION_FIELD, request.renewalDecision());
        values.put(RenewalProcess.RENEWAL_RATIONALE, request.renewalRationale());
        values.put(RenewalProcess.NEW_TERM_START, request.newTermStart() == null ? null : request.newTermStart().toString());
        values.put(RenewalProcess.NEW_TERM_END, request.newTermEnd() == null ? null : request.newTermEnd().toString());
        values.put(RenewalProcess.NEW_NOTICE_PERIOD_DAYS, request.newNoticePeriodDays());
        values.put(RenewalProcess.METRIC_CHANGES, request.metricChanges());
        tasks.complete(task, values);
        return get(engagementId, renewalReviewId);
    }



    private static OffsetDateTime at(Engagement engagement, LocalDate day) {
        return day.atTime(LocalTime.of(9, 0)).atZone(engagement.zone()).toOffsetDateTime();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
