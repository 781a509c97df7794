package org.bpogovernance.improvement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bpogovernance.audit.AuditTrail;
import org.bpogovernance.engagement.Engagement;
import org.bpogovernance.engagement.EngagementService;
import org.bpogovernance.engagement.Side;
import org.bpogovernance.engagement.Stakeholder;
import org.bpogovernance.engagement.StakeholderRole;
import org.bpogovernance.engagement.TierLevel;
import org.bpogovernance.platform.FormLines;
import org.bpogovernance.platform.InvalidInputException;
import org.bpogovernance.platform.InvalidInputException.Violation;
import org.bpogovernance.platform.NotFoundException;
import org.bpogovernance.platform.PeopleDates;
import org.bpogovernance.platform.SpreadsheetCsv;
import org.bpogovernance.security.CurrentUser;
import org.bpogovernance.security.EngagementAccess;
import org.bpogovernance.servicelevel.Scorecard;
import org.bpogovernance.servicelevel.ScorecardService;
import org.bpogovernance.servicelevel.ServiceLevelService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of improvement initiatives, each checked here once: who may propose one and what a
 * proposal needs, each side's assessment, who decides at which tier and what a decision needs,
 * the pilot's milestones, and the benefits review with the metric measured before and after.
 */
@Service
public class InitiativeService {

    /** The engagement's audit type, for the timeline. */
    private static final String AUDIT_TYPE = EngagementService.AUDIT_TYPE;
    /** Months before a pilot whose measurements make its "before". */
    static final int MONTHS_BEFORE = 3;
    private static final int MAX_MILESTONES = 10;

    /** An initiative with its assessments, milestones and every step so far. */
    public record InitiativeRecord(Initiative initiative, List<InitiativeAssessment> assessments,
            List<InitiativeMilestone> milestones, List<InitiativeStep> history) {
    }

    /** The metric before and after the pilot, averaged over the months measured; null where none was. */
    public record MeasuredBenefit(String metricCode, BigDecimal before, String beforeMonths, BigDecimal after,
            String afterMonths, BigDecimal target) {

        String inWords() {
            if (metricCode == null) {
                return "No service metric named: the benefit is judged from the pilot itself.";
            }
            return metricCode + " before the pilot (" + beforeMonths + "): " + value(before) + "; during the pilot ("
                    + afterMonths + "): " + value(after) + "; target " + value(target) + ".";
        }

        private static String value(BigDecimal value) {
            return value == null ? "not measured" : value.stripTrailingZeros().toPlainString();
        }
    }

    /** What an agenda should take up about the engagement's initiatives, with whom. */
    public record AgendaNote(String title, String owner) {
    }

    /** An initiative adopted after its benefits review: a shared achievement to celebrate. */
    public record InitiativeAdopted(Long engagementId, Long initiativeId, String title, String owner, String benefit,
            String lessonsLearned) {
    }

    private final InitiativeRepository initiatives;
    private final InitiativeAssessmentRepository assessments;
    private final InitiativeMilestoneRepository milestones;
    private final InitiativeStepRepository steps;
    private final InitiativePipeline pipeline;
    private final EngagementService engagements;
    private final ServiceLevelService serviceLevels;
    private final ScorecardService scorecards;
    private final AuditTrail auditTrail;
    private final CurrentUser currentUser;
    private final EngagementAccess access;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    InitiativeService(InitiativeRepository initiatives, InitiativeAssessmentRepository assessments,
            InitiativeMilestoneRepository milestones, InitiativeStepRepository steps, InitiativePipeline pipeline,
            EngagementService engagements, ServiceLevelService serviceLevels, ScorecardService scorecards,
            AuditTrail auditTrail, CurrentUser currentUser, EngagementAccess access, ApplicationEventPublisher events,
            Clock clock) {
        this.initiatives = initiatives;
        this.assessments = assessments;
        this.milestones = milestones;
        this.steps = steps;
        this.pipeline = pipeline;
        this.engagements = engagements;
        this.serviceLevels = serviceLevels;
        this.scorecards = scorecards;
        this.auditTrail = auditTrail;
        this.currentUser = currentUser;
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    // ---- proposing ---------------------------------------------------------------------------

    /** Someone on the engagement (or an officer) proposes one through {@code /api}; its process starts. */
    @Transactional
    public Initiative propose(Long engagementId, InitiativeProposal proposal) {
        Engagement engagement = engagements.get(engagementId);
        engagement.requireOpen();
        Initiative initiative = record(engagement, proposal, Map.of());
        initiative.runsIn(pipeline.start(engagement, engagements.holderOrNull(engagementId, StakeholderRole.GOVERNANCE_OFFICER),
                initiative, assessor(engagementId, StakeholderRole.CLIENT_REPRESENTATIVE),
                assessor(engagementId, StakeholderRole.PROVIDER_MANAGER)));
        auditTrail.recordFor(initiative.getProcessInstanceId(), AUDIT_TYPE, engagementId, "INITIATIVE_PROPOSED",
                proposedInWords(initiative));
        return initiatives.save(initiative);
    }

    /** Someone proposed one from Tasklist's start form: the record for that process instance. */
    @Transactional
    public Initiative registerFromStartForm(String processInstanceId, String contractReference, InitiativeProposal proposal) {
        Engagement engagement = contractReference == null ? null : engagements.forProcess(contractReference.trim()).orElse(null);
        String user = currentUser.idOrSystem();
        if (engagement == null || !currentUser.seesEverything() && !engagements.isStakeholder(engagement.getId(), user)) {
            throw new InvalidInputException(InitiativeProcess.CONTRACT_REFERENCE, "names no engagement you are on: "
                    + contractReference);
        }
        if (engagement.getPhase() == org.bpogovernance.engagement.Phase.CLOSED) {
            throw new InvalidInputException(InitiativeProcess.CONTRACT_REFERENCE, "the engagement is closed");
        }
        Initiative initiative = record(engagement, proposal, FORM_FIELDS);
        initiative.runsIn(processInstanceId);
        access.opened(engagement.getId(), processInstanceId);
        auditTrail.recordFor(processInstanceId, AUDIT_TYPE, engagement.getId(), "INITIATIVE_PROPOSED", proposedInWords(initiative));
        return initiatives.save(initiative);
    }

    /** The names of the proposal's fields on the start form, for refusals that name what to correct. */
    private static final Map<String, String> FORM_FIELDS = Map.of("title", InitiativeProcess.TITLE.name(),
            "problem", InitiativeProcess.PROBLEM, "idea", InitiativeProcess.IDEA, "metricCode", InitiativeProcess.METRIC,
            "baseline", InitiativeProcess.BASELINE, "target", InitiativeProcess.TARGET, "size", InitiativeProcess.SIZE.name(),
            "effortDays", InitiativeProcess.EFFORT_DAYS.name(), "risk", InitiativeProcess.RISK.name());

    private Initiative record(Engagement engagement, InitiativeProposal proposal, Map<String, String> fieldNames) {
        Function<String, String> field = name -> fieldNames.getOrDefault(name, name);
        List<Violation> violations = new ArrayList<>();
        if (proposal == null) {
            throw new InvalidInputException("title", "is required: the proposal's title");
        }
        required(violations, field.apply("title"), proposal.title(), 200, "what the initiative is, in a line");
        required(violations, field.apply("problem"), proposal.problem(), 2000, "the problem it addresses");
        required(violations, field.apply("idea"), proposal.idea(), 2000, "the idea");
        if (proposal.size() == null) {
            violations.add(new Violation(field.apply("size"), "must be one of " + List.of(Initiative.Size.values())));
        }
        if (proposal.risk() == null) {
            violations.add(new Violation(field.apply("risk"), "must be one of " + List.of(Initiative.Risk.values())));
        }
        if (proposal.effortDays() == null || proposal.effortDays() < 1 || proposal.effortDays() > 10_000) {
            violations.add(new Violation(field.apply("effortDays"), "must be a number of person-days from 1 to 10000"));
        }
        BigDecimal baseline = proposal.baseline();
        String metric = proposal.metricCode() == null || proposal.metricCode().isBlank() ? null : proposal.metricCode().trim();
        if (metric != null) {
            Set<String> codes = serviceLevels.active(engagement.getId(), YearMonth.from(today(engagement))).stream()
                    .map(ServiceLevelService.ActiveMetric::code).collect(Collectors.toCollection(TreeSet::new));
            if (!codes.contains(metric)) {
                violations.add(new Violation(field.apply("metricCode"), codes.isEmpty()
                        ? "the engagement has no service metrics yet; leave it empty"
                        : "must be one of the engagement's service metrics " + codes + ", or empty"));
            } else if (proposal.target() == null) {
                violations.add(new Violation(field.apply("target"), "is required with a metric: the value the initiative aims for"));
            } else if (baseline == null) {
                baseline = latestValue(engagement, metric);
            }
        } else if (proposal.baseline() != null || proposal.target() != null) {
            violations.add(new Violation(field.apply("metricCode"), "is required when a baseline or target is given"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        String by = currentUser.idOrSystem();
        Side side = engagements.stakeholdersForProcess(engagement.getId()).stream()
                .filter(s -> s.getUserId().equals(by) && s.getSide() != null).map(Stakeholder::getSide).findFirst().orElse(null);
        Initiative initiative = new Initiative(engagement.getId(), proposal, by, side, Instant.now(clock));
        initiative.baselineMeasured(baseline);
        initiative = initiatives.save(initiative);
        step(initiative, InitiativeStep.Event.PROPOSED, by, (side == null ? "by the governance office" : "by the "
                + side.name().toLowerCase() + " side") + ": " + initiative.getTitle());
        return initiative;
    }

    /**
     * Why an improvement-initiative process may not start as it is being started, or empty when
     * it may: a person gives only the start form's fields; a start naming an initiative must be the
     * service's own, for a new initiative of that engagement.
     */
    @Transactional(readOnly = true)
    public Optional<String> whyStartRefused(Object initiativeId, Object engagementId, Set<String> variableNames) {
        if (initiativeId == null) {
            if (currentUser.seesEverything() || InitiativeProcess.START_FORM_FIELDS.containsAll(variableNames)) {
                return Optional.empty();
            }
            Set<String> extra = new TreeSet<>(variableNames);
            extra.removeAll(InitiativeProcess.START_FORM_FIELDS);
            return Optional.of("An initiative is proposed with its start form's fields only ("
                    + String.join(", ", new TreeSet<>(InitiativeProcess.START_FORM_FIELDS)) + "); not allowed: "
                    + String.join(", ", extra) + ".");
        }
        String notNew = "Initiative " + initiativeId + " cannot be started again: its process starts only once, for a new "
                + "initiative of its own engagement. Propose a new one from the start form.";
        if (!(initiativeId instanceof Number id) || !(engagementId instanceof Number engagement)) {
            return Optional.of(notNew);
        }
        return initiatives.findById(id.longValue())
                .filter(i -> i.getStatus() == Initiative.Status.ASSESSING && i.getProcessInstanceId() == null
                        && i.getEngagementId().equals(engagement.longValue()))
                .map(i -> Optional.<String>empty()).orElse(Optional.of(notNew));
    }

    /** Who assesses for a side: the engagement's client representative or provider manager (the officer when none). */
    @Transactional(readOnly = true)
    public String assessor(Long engagementId, StakeholderRole role) {
        return Optional.ofNullable(engagements.holderOrNull(engagementId, role))
                .orElseGet(() -> engagements.holderOrNull(engagementId, StakeholderRole.GOVERNANCE_OFFICER));
    }

    // ---- assessing and deciding --------------------------------------------------------------

    @Transactional
    public void assess(Long initiativeId, Side side, String by, String verdict, String comment) {
        Initiative initiative = find(initiativeId);
        engagements.forProcess(initiative.getEngagementId()).requireOpen();
        StakeholderRole role = side == Side.CLIENT ? StakeholderRole.CLIENT_REPRESENTATIVE : StakeholderRole.PROVIDER_MANAGER;
        String assessor = assessor(initiative.getEngagementId(), role);
        if (!by.equals(assessor)) {
            throw new InvalidInputException(InitiativeProcess.VERDICT, "only " + assessor + " assesses for the "
                    + side.name().toLowerCase() + " side; " + by + " cannot assess in their place");
        }
        InitiativeAssessment.Verdict parsed = parse(InitiativeAssessment.Verdict.class, InitiativeProcess.VERDICT, verdict);
        if (parsed != InitiativeAssessment.Verdict.SUPPORT && blank(comment)) {
            throw new InvalidInputException(InitiativeProcess.ASSESSMENT_COMMENT, "is required unless you simply support it: "
                    + "say what should change or why not");
        }
        assessments.save(new InitiativeAssessment(initiativeId, side, by, parsed, trimmed(comment), Instant.now(clock)));
        step(initiative, InitiativeStep.Event.ASSESSED, by, side.name().toLowerCase() + " side: "
                + parsed.name().toLowerCase().replace('_', ' ') + (blank(comment) ? "" : " — " + comment.trim()));
    }

    /**
     * The proposal goes before the tier the initiative-triage table chose: who may decide there.
     * Operational: the governance officer. Management: the client representative and the provider
     * manager, who decide together. Executive: the engagement's executive sponsors (the two managers
     * where it names none).
     */
    @Transactional
    public List<String> putToTier(Long initiativeId, String tier) {
        Initiative initiative = find(initiativeId);
        boolean revisit = initiative.getStatus() == Initiative.Status.PARKED;
        TierLevel level = parse(TierLevel.class, "initiativeTier", tier);
        initiative.assessed(level);
        List<Stakeholder> people = engagements.stakeholdersForProcess(initiative.getEngagementId());
        Set<String> deciders = new LinkedHashSet<>();
        switch (level) {
            case OPERATIONAL -> holders(people, StakeholderRole.GOVERNANCE_OFFICER).forEach(deciders::add);
            case MANAGEMENT -> {
                holders(people, StakeholderRole.CLIENT_REPRESENTATIVE).forEach(deciders::add);
                holders(people, StakeholderRole.PROVIDER_MANAGER).forEach(deciders::add);
            }
            case EXECUTIVE -> holders(people, StakeholderRole.EXECUTIVE_SPONSOR).forEach(deciders::add);
        }
        if (deciders.isEmpty()) {
            holders(people, StakeholderRole.CLIENT_REPRESENTATIVE).forEach(deciders::add);
            holders(people, StakeholderRole.PROVIDER_MANAGER).forEach(deciders::add);
        }
        initiatives.save(initiative);
        step(initiative, revisit ? InitiativeStep.Event.REVISITED : InitiativeStep.Event.PUT_TO_TIER, CurrentUser.SYSTEM,
                level.name().toLowerCase() + " tier decides: " + String.join(", ", deciders));
        return List.copyOf(deciders);
    }

    /**
     * The tier's decision: approve (a pilot with its owner, milestones and benefits-review date),
     * park until a revisit date, or reject with the reason.
     */
    @Transactional
    public Initiative decide(Long initiativeId, String by, String decision, String reason, String owner,
            String milestoneLines, Object reviewDate, Object revisitDate) {
        Initiative initiative = find(initiativeId);
        Engagement engagement = engagements.forProcess(initiative.getEngagementId());
        engagement.requireOpen();
        LocalDate today = today(engagement);
        Instant now = Instant.now(clock);
        switch (decision == null ? "" : decision) {
            case "APPROVE" -> {
                List<Violation> violations = new ArrayList<>();
                String pilotOwner = owner == null ? null : owner.trim();
                if (blank(pilotOwner) || !engagements.isStakeholder(engagement.getId(), pilotOwner)) {
                    violations.add(new Violation(InitiativeProcess.OWNER_FIELD, "must be one of the engagement's people"
                            + (blank(pilotOwner) ? "" : "; " + pilotOwner + " is not")));
                }
                LocalDate review = date(violations, InitiativeProcess.REVIEW_DATE, reviewDate, today, true);
                FormLines.Parsed lines = FormLines.parse(milestoneLines, 2);
                List<InitiativeMilestone> planned = new ArrayList<>();
                if (lines.entries().size() > MAX_MILESTONES) {
                    violations.add(new Violation(InitiativeProcess.MILESTONES, "at most " + MAX_MILESTONES + " milestones"));
                }
                for (int i = 0; i < lines.entries().size() && i < MAX_MILESTONES; i++) {
                    String[] line = lines.entries().get(i);
                    String where = "line " + lines.lineNumbers().get(i) + ": ";
                    LocalDate due = null;
                    try {
                        due = LocalDate.parse(line[0]);
                    } catch (RuntimeException unreadable) {
                        violations.add(new Violation(InitiativeProcess.MILESTONES, where + "starts with its date as 2027-03-31, then | and what is reached"));
                        continue;
                    }
                    if (blank(line[1]) || line[1].length() > 300) {
                        violations.add(new Violation(InitiativeProcess.MILESTONES, where + "needs what is reached, up to 300 characters"));
                    } else if (due.isBefore(today) || review != null && due.isAfter(review)) {
                        violations.add(new Violation(InitiativeProcess.MILESTONES, where + "its date must lie between today and the "
                                + "benefits review"));
                    } else {
                        planned.add(new InitiativeMilestone(initiativeId, line[1], due));
                    }
                }
                if (lines.entries().isEmpty()) {
                    violations.add(new Violation(InitiativeProcess.MILESTONES, "a pilot needs at least one milestone, one per line: "
                            + "2027-03-31 | what is reached"));
                }
                if (!violations.isEmpty()) {
                    throw new InvalidInputException(violations);
                }
                initiative.approved(by, now, trimmed(reason), pilotOwner, today, review);
                milestones.saveAll(planned);
                step(initiative, InitiativeStep.Event.APPROVED, by, "pilot owned by " + pilotOwner + ", "
                        + planned.size() + " milestone(s), benefits review on " + PeopleDates.day(review)
                        + (blank(reason) ? "" : " — " + reason.trim()));
                auditTrail.recordFor(initiative.getProcessInstanceId(), AUDIT_TYPE, engagement.getId(), "INITIATIVE_APPROVED",
                        "#" + initiativeId + " " + initiative.getTitle() + ": pilot owned by " + pilotOwner
                                + ", benefits review on " + PeopleDates.day(review));
            }
            case "PARK" -> {
                List<Violation> violations = new ArrayList<>();
                LocalDate revisit = date(violations, InitiativeProcess.REVISIT_DATE, revisitDate, today, true);
                if (blank(reason)) {
                    violations.add(new Violation(InitiativeProcess.DECISION_REASON, "is required when parking: why not now"));
                }
                if (!violations.isEmpty()) {
                    throw new InvalidInputException(violations);
                }
                initiative.parked(by, now, reason.trim(), revisit);
                step(initiative, InitiativeStep.Event.PARKED, by, "until " + PeopleDates.day(revisit) + " — " + reason.trim());
                auditTrail.recordFor(initiative.getProcessInstanceId(), AUDIT_TYPE, engagement.getId(), "INITIATIVE_PARKED",
                        "#" + initiativeId + " " + initiative.getTitle() + " until " + PeopleDates.day(revisit) + ": " + reason.trim());
            }
            case "REJECT" -> {
                if (blank(reason)) {
                    throw new InvalidInputException(InitiativeProcess.DECISION_REASON, "is required when rejecting: why");
                }
                initiative.rejected(by, now, reason.trim());
                step(initiative, InitiativeStep.Event.REJECTED, by, reason.trim());
                auditTrail.recordFor(initiative.getProcessInstanceId(), AUDIT_TYPE, engagement.getId(), "INITIATIVE_REJECTED",
                        "#" + initiativeId + " " + initiative.getTitle() + ": " + reason.trim());
            }
            default -> throw new InvalidInputException(InitiativeProcess.DECISION_FIELD, "must be APPROVE, PARK or REJECT");
        }
        return initiatives.save(initiative);
    }

    /** The benefits review is due at 09:00 on its date in the engagement's zone, as a timer's ISO date-time. */
    @Transactional(readOnly = true)
    public String benefitsReviewDue(Long initiativeId) {
        Initiative initiative = find(initiativeId);
        return morningOf(initiative, initiative.getBenefitsReviewDate());
    }

    @Transactional(readOnly = true)
    public String revisitDue(Long initiativeId) {
        Initiative initiative = find(initiativeId);
        return morningOf(initiative, initiative.getRevisitDate());
    }

    private String morningOf(Initiative initiative, LocalDate day) {
        return day.atTime(LocalTime.of(9, 0)).atZone(engagements.forProcess(initiative.getEngagementId()).zone())
                .toOffsetDateTime().toString();
    }

    // ---- the pilot ---------------------------------------------------------------------------

    /** The pilot's owner (or an officer) marks a milestone reached. */
    @Transactional
    public InitiativeRecord milestoneReached(Long engagementId, Long initiativeId, Long milestoneId) {
        Engagement engagement = engagements.get(engagementId);
        engagement.requireOpen();
        Initiative initiative = initiatives.findByIdAndEngagementId(initiativeId, engagementId)
                .orElseThrow(() -> new NotFoundException("initiative", initiativeId));
        InitiativeMilestone milestone = milestones.findById(milestoneId).filter(m -> m.getInitiativeId().equals(initiativeId))
                .orElseThrow(() -> new NotFoundException("milestone", milestoneId));
        String by = currentUser.idOrSystem();
        if (!by.equals(initiative.getOwner()) && !currentUser.seesEverything()) {
            throw new org.springframework.security.access.AccessDeniedException("Only the pilot's owner (" + initiative.getOwner()
                    + ") or a governance officer marks its milestones reached");
        }
        if (initiative.getStatus() != Initiative.Status.PILOT) {
            throw new org.bpogovernance.platform.ConflictException("status", "initiative " + initiativeId + " is not a running pilot");
        }
        if (milestone.getReachedOn() != null) {
            throw new org.bpogovernance.platform.ConflictException("milestone", "reached already on "
                    + PeopleDates.day(milestone.getReachedOn()));
        }
        milestone.reached(today(engagement));
        milestones.save(milestone);
        step(initiative, InitiativeStep.Event.MILESTONE_REACHED, by, milestone.getTitle());
        return get(engagementId, initiativeId);
    }

    /**
     * The metric before and after the pilot, from the measurements: the average of the
     * {@value #MONTHS_BEFORE} months before the pilot began, and of the months since (the
     * review's month included), each counting only months with a measurement.
     */
    @Transactional(readOnly = true)
    public MeasuredBenefit measuredBenefit(Long initiativeId) {
        Initiative initiative = find(initiativeId);
        if (initiative.getMetricCode() == null || initiative.getPilotStart() == null) {
            return new MeasuredBenefit(initiative.getMetricCode(), null, null, null, null, initiative.getTarget());
        }
        Engagement engagement = engagements.forProcess(initiative.getEngagementId());
        YearMonth start = YearMonth.from(initiative.getPilotStart());
        YearMonth last = YearMonth.from(today(engagement));
        if (last.isBefore(start)) {
            last = start;
        }
        Map<YearMonth, BigDecimal> before = values(engagement, initiative.getMetricCode(), start.minusMonths(1));
        before.keySet().removeIf(month -> month.isBefore(start.minusMonths(MONTHS_BEFORE)) || !month.isBefore(start));
        Map<YearMonth, BigDecimal> after = values(engagement, initiative.getMetricCode(), last);
        YearMonth from = start;
        after.keySet().removeIf(month -> month.isBefore(from));
        return new MeasuredBenefit(initiative.getMetricCode(), average(before.values()),
                PeopleDates.span(start.minusMonths(MONTHS_BEFORE).atDay(1), start.minusMonths(1).atEndOfMonth()),
                average(after.values()), PeopleDates.span(start.atDay(1), last.atEndOfMonth()), initiative.getTarget());
    }

    /** The measured values of a metric in the twelve months up to a period (months outside the terms have none). */
    private Map<YearMonth, BigDecimal> values(Engagement engagement, String metricCode, YearMonth upTo) {
        Map<YearMonth, BigDecimal> values = new java.util.TreeMap<>();
        Scorecard card;
        try {
            card = scorecards.of(engagement.getId(), upTo);
        } catch (InvalidInputException outsideTheTerms) {
            return values;
        }
        card.metrics().stream().filter(line -> line.code().equals(metricCode)).findFirst()
                .ifPresent(line -> line.trend().stream().filter(point -> point.value() != null)
                        .forEach(point -> values.put(YearMonth.parse(point.period()), point.value())));
        return values;
    }

    private BigDecimal latestValue(Engagement engagement, String metricCode) {
        Map<YearMonth, BigDecimal> values = values(engagement, metricCode, YearMonth.from(today(engagement)));
        return values.isEmpty() ? null : ((java.util.TreeMap<YearMonth, BigDecimal>) values).lastEntry().getValue();
    }

    private static BigDecimal average(Collection<BigDecimal> values) {
        if (values.isEmpty()) {
            return null;
        }
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(values.size()), 2, RoundingMode.HALF_UP);
    }

    /**
     * The benefits review: adopt, extend to a later review date, or drop, with the lessons
     * learned; the metric's before and after are measured, not typed.
     */
    @Transactional
    public Initiative reviewBenefits(Long initiativeId, String by, String outcome, String lessons, Object newReviewDate) {
        Initiative initiative = find(initiativeId);
        Engagement engagement = engagements.forProcess(initiative.getEngagementId());
        engagement.requireOpen();
        List<Violation> violations = new ArrayList<>();
        if (blank(lessons)) {
            violations.add(new Violation(InitiativeProcess.LESSONS, "is required: what the pilot taught both sides"));
        } else if (lessons.trim().length() > 2000) {
            violations.add(new Violation(InitiativeProcess.LESSONS, "must be at most 2000 characters"));
        }
        if (!List.of("ADOPT", "EXTEND", "DROP").contains(outcome == null ? "" : outcome)) {
            violations.add(new Violation(InitiativeProcess.OUTCOME_FIELD, "must be ADOPT, EXTEND or DROP"));
        }
        LocalDate extendedTo = "EXTEND".equals(outcome)
                ? date(violations, InitiativeProcess.NEW_REVIEW_DATE, newReviewDate, today(engagement), true) : null;
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        MeasuredBenefit measured = measuredBenefit(initiativeId);
        Instant now = Instant.now(clock);
        String words = measured.inWords();
        switch (outcome) {
            case "EXTEND" -> {
                initiative.extended(extendedTo, measured.before(), measured.after(), lessons.trim());
                step(initiative, InitiativeStep.Event.EXTENDED, by, "next benefits review on " + PeopleDates.day(extendedTo)
                        + "; " + words + " Lessons: " + lessons.trim());
            }
            case "ADOPT" -> {
                initiative.ended(Initiative.Status.ADOPTED, now, measured.before(), measured.after(), lessons.trim());
                step(initiative, InitiativeStep.Event.ADOPTED, by, words + " Lessons: " + lessons.trim());
            }
            default -> {
                initiative.ended(Initiative.Status.DROPPED, now, measured.before(), measured.after(), lessons.trim());
                step(initiative, InitiativeStep.Event.DROPPED, by, words + " Lessons: " + lessons.trim());
                auditTrail.recordFor(initiative.getProcessInstanceId(), AUDIT_TYPE, engagement.getId(), "INITIATIVE_DROPPED",
                        "#" + initiativeId + " " + initiative.getTitle() + ". Lessons: " + lessons.trim());
            }
        }
        return initiatives.save(initiative);
    }

    /** An adopted initiative is a shared achievement: on the timeline, and announced to everyone on the engagement. */
    @Transactional
    public void announceAdoption(Long initiativeId) {
        Initiative initiative = find(initiativeId);
        if (initiative.getStatus() != Initiative.Status.ADOPTED) {
            throw new IllegalStateException("initiative " + initiativeId + " is " + initiative.getStatus() + ", not adopted");
        }
        String words = initiative.benefitInWords();
        auditTrail.recordFor(initiative.getProcessInstanceId(), AUDIT_TYPE, initiative.getEngagementId(), "INITIATIVE_ADOPTED",
                "#" + initiativeId + " " + initiative.getTitle() + ": a shared achievement; " + words + ".");
        events.publishEvent(new InitiativeAdopted(initiative.getEngagementId(), initiativeId, initiative.getTitle(),
                initiative.getOwner(), words, initiative.getLessonsLearned()));
    }

    /** The engagement closed: what was still open ends with it. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(EngagementService.EngagementClosed closed) {
        Instant now = Instant.now(clock);
        for (Initiative initiative : initiatives.findByEngagementIdAndStatusInOrderByIdAsc(closed.engagementId(), OPEN)) {
            initiative.withdrawn(now);
            initiatives.save(initiative);
            step(initiative, InitiativeStep.Event.WITHDRAWN, CurrentUser.SYSTEM, "the engagement closed");
        }
    }

    // ---- reading -----------------------------------------------------------------------------

    private static final Set<Initiative.Status> OPEN = EnumSet.of(Initiative.Status.ASSESSING,
            Initiative.Status.AWAITING_DECISION, Initiative.Status.PARKED, Initiative.Status.PILOT);

    @Transactional(readOnly = true)
    public List<Initiative> of(Long engagementId, Initiative.Status status) {
        engagements.get(engagementId);
        return status == null ? initiatives.findByEngagementIdOrderByIdAsc(engagementId)
                : initiatives.findByEngagementIdAndStatusInOrderByIdAsc(engagementId, List.of(status));
    }

    @Transactional(readOnly = true)
    public InitiativeRecord get(Long engagementId, Long initiativeId) {
        engagements.get(engagementId);
        Initiative initiative = initiatives.findByIdAndEngagementId(initiativeId, engagementId)
                .orElseThrow(() -> new NotFoundException("initiative", initiativeId));
        return new InitiativeRecord(initiative, assessments.findByInitiativeIdOrderByIdAsc(initiativeId),
                milestones.findByInitiativeIdOrderByDueDateAscIdAsc(initiativeId), steps.findByInitiativeIdOrderByIdAsc(initiativeId));
    }

    /** The engagement's initiatives for a spreadsheet, one line each. */
    @Transactional(readOnly = true)
    public String csv(Long engagementId, Initiative.Status status) {
        List<Initiative> list = of(engagementId, status);
        return SpreadsheetCsv.write(List.of("id", "title", "status", "proposedBy", "proposedSide", "proposedAt", "metric",
                "baseline", "target", "size", "effortDays", "risk", "decisionTier", "decidedBy", "decisionReason", "owner",
                "pilotStart", "benefitsReviewDate", "valueBefore", "valueAfter", "lessonsLearned"),
                csv -> list.forEach(i -> csv.row(i.getId(), i.getTitle(), i.getStatus(), i.getProposedBy(), i.getProposedSide(),
                        i.getProposedAt(), i.getMetricCode(), i.getBaseline(), i.getTarget(), i.getSize(), i.getEffortDays(),
                        i.getRisk(), i.getDecisionTier(), i.getDecidedBy(), i.getDecisionReason(), i.getOwner(),
                        i.getPilotStart(), i.getBenefitsReviewDate(), i.getValueBefore(), i.getValueAfter(),
                        i.getLessonsLearned())));
    }

    /** For a process step: the initiative, without a visibility check. */
    @Transactional(readOnly = true)
    public Initiative forProcess(Long initiativeId) {
        return find(initiativeId);
    }

    @Transactional(readOnly = true)
    public List<InitiativeAssessment> assessmentsOf(Long initiativeId) {
        return assessments.findByInitiativeIdOrderByIdAsc(initiativeId);
    }

    @Transactional(readOnly = true)
    public List<InitiativeMilestone> milestonesOf(Long initiativeId) {
        return milestones.findByInitiativeIdOrderByDueDateAscIdAsc(initiativeId);
    }

    /**
     * What the next call should take up, up to a date: decisions due (awaiting one, or parked and
     * coming back), benefits reviews falling due, and pilots at risk (a milestone past its date).
     */
    @Transactional(readOnly = true)
    public List<AgendaNote> forAgenda(Long engagementId, LocalDate until) {
        Engagement engagement = engagements.forProcess(engagementId);
        LocalDate today = today(engagement);
        String officer = engagements.holderOrNull(engagementId, StakeholderRole.GOVERNANCE_OFFICER);
        List<Initiative> open = initiatives.findByEngagementIdAndStatusInOrderByIdAsc(engagementId, OPEN);
        Map<Long, List<InitiativeMilestone>> milestonesOf = milestones.findByInitiativeIdInOrderByDueDateAscIdAsc(
                open.stream().map(Initiative::getId).toList()).stream()
                .collect(Collectors.groupingBy(InitiativeMilestone::getInitiativeId));
        List<AgendaNote> notes = new ArrayList<>();
        for (Initiative initiative : open) {
            String title = initiative.getTitle();
            switch (initiative.getStatus()) {
                case AWAITING_DECISION -> notes.add(new AgendaNote("Improvement initiative to decide ("
                        + initiative.getDecisionTier().name().toLowerCase() + " tier): " + title, initiative.getProposedBy()));
                case PARKED -> {
                    if (!initiative.getRevisitDate().isAfter(until)) {
                        notes.add(new AgendaNote("Parked initiative coming back on " + PeopleDates.day(initiative.getRevisitDate())
                                + ": " + title, Objects.requireNonNullElse(officer, initiative.getProposedBy())));
                    }
                }
                case PILOT -> {
                    List<InitiativeMilestone> late = milestonesOf.getOrDefault(initiative.getId(), List.of()).stream()
                            .filter(m -> m.isLate(today)).toList();
                    if (!late.isEmpty()) {
                        notes.add(new AgendaNote("Pilot at risk: " + title + " (milestone " + late.get(0).getTitle() + " due "
                                + PeopleDates.day(late.get(0).getDueDate()) + " not reached)", initiative.getOwner()));
                    } else if (!initiative.getBenefitsReviewDate().isAfter(until)) {
                        notes.add(new AgendaNote("Pilot's benefits review due " + PeopleDates.day(initiative.getBenefitsReviewDate())
                                + ": " + title, initiative.getOwner()));
                    }
                }
                default -> {
                    // assessing: both sides are still at it
                }
            }
        }
        return notes;
    }

    /** For the portfolio: how many initiatives each engagement adopted (its shared achievements). */
    @Transactional(readOnly = true)
    public Map<Long, Long> adoptedCounts(Collection<Long> engagementIds) {
        if (engagementIds.isEmpty()) {
            return Map.of();
        }
        return initiatives.findByEngagementIdInAndStatus(engagementIds, Initiative.Status.ADOPTED).stream()
                .collect(Collectors.groupingBy(Initiative::getEngagementId, Collectors.counting()));
    }

    /** The initiatives adopted between two days (inclusive): the shared achievements of a term. */
    @Transactional(readOnly = true)
    public List<Initiative> adoptedBetween(Long engagementId, LocalDate from, LocalDate to) {
        Engagement engagement = engagements.forProcess(engagementId);
        return initiatives.findByEngagementIdAndStatusInOrderByIdAsc(engagementId, List.of(Initiative.Status.ADOPTED)).stream()
                .filter(i -> {
                    LocalDate day = i.getClosedAt().atZone(engagement.zone()).toLocalDate();
                    return !day.isBefore(from) && !day.isAfter(to);
                }).toList();
    }

    // ---- helpers -----------------------------------------------------------------------------

    private Initiative find(Long initiativeId) {
        return initiatives.findById(initiativeId).orElseThrow(() -> new NotFoundException("initiative", initiativeId));
    }

    private void step(Initiative initiative, InitiativeStep.Event event, String actor, String note) {
        steps.save(new InitiativeStep(initiative.getId(), event, actor, Instant.now(clock),
                note == null || note.length() <= 2000 ? note : note.substring(0, 1999) + "…"));
    }

    private LocalDate today(Engagement engagement) {
        return LocalDate.now(clock.withZone(engagement.zone()));
    }

    private static String proposedInWords(Initiative initiative) {
        return "#" + initiative.getId() + " " + initiative.getTitle() + " (" + initiative.getSize().name().toLowerCase()
                + ", " + initiative.getEffortDays() + " person-days, " + initiative.getRisk().name().toLowerCase() + " risk"
                + (initiative.getMetricCode() == null ? "" : ", aims " + initiative.getMetricCode() + " at "
                        + initiative.getTarget().stripTrailingZeros().toPlainString()) + ")";
    }

    private static List<String> holders(List<Stakeholder> people, StakeholderRole role) {
        return people.stream().filter(s -> s.getRole() == role).map(Stakeholder::getUserId).distinct().toList();
    }

    private static LocalDate date(List<Violation> violations, String field, Object value, LocalDate today, boolean required) {
        if (value == null || value.toString().isBlank()) {
            if (required) {
                violations.add(new Violation(field, "is required"));
            }
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value.toString().trim());
            if (!date.isAfter(today)) {
                violations.add(new Violation(field, "must be after today (" + PeopleDates.day(today) + ")"));
                return null;
            }
            return date;
        } catch (RuntimeException unreadable) {
            violations.add(new Violation(field, "must be a date like 2027-03-31"));
            return null;
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.trim());
        } catch (IllegalArgumentException unknown) {
            throw new InvalidInputException(field, "must be one of " + List.of(type.getEnumConstants()));
        }
    }

    private static void required(List<Violation> violations, String field, String value, int max, String what) {
        if (blank(value)) {
            violations.add(new Violation(field, "is required: " + what));
        } else if (value.trim().length() > max) {
            violations.add(new Violation(field, "must be at most " + max + " characters"));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String trimmed(String value) {
        return blank(value) ? null : value.trim();
    }
}
