package org.bpogovernance.escalation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.bpogovernance.action.ActionItem;
import org.bpogovernance.action.ActionItemOverdue;
import org.bpogovernance.action.ActionItemService.ProposedAction;
import org.bpogovernance.action.ActionItemService;
import org.bpogovernance.audit.AuditTrail;
import org.bpogovernance.engagement.Engagement;
import org.bpogovernance.engagement.EngagementService;
import org.bpogovernance.engagement.Phase;
import org.bpogovernance.engagement.Stakeholder;
import org.bpogovernance.engagement.SignOffRounds;
import org.bpogovernance.engagement.StakeholderRole;
import org.bpogovernance.platform.ConflictException;
import org.bpogovernance.platform.InvalidInputException.Violation;
import org.bpogovernance.platform.InvalidInputException;
import org.bpogovernance.platform.NotFoundException;
import org.bpogovernance.security.CurrentUser;
import org.bpogovernance.security.EngagementAccess;
import org.bpogovernance.security.GovernanceGroups;
import org.bpogovernance.security.OfficerTeams;
import org.bpogovernance.servicelevel.ServiceLevelBreached;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Escalations and their ladder: raised once per cause, started at the level the
 * {@code escalation-routing} table chooses, moved up a level when a level lets its response time
 * pass or passes it on, resolved once with a note (and an optional action plan). Every step is
 * recorded with who, when and at which level.
 */
@Service
public class EscalationService {

    static final Set<String> RESOLUTIONS = Set.of("RESOLVED", "ACCEPTED_RISK", "CONTRACT_ACTION");
    /** The role groups a routing table may name, scoped to the engagement's own holders of the role. */
    private static final Map<String, StakeholderRole> ROLE_OF_GROUP = Map.of(
            GovernanceGroups.CLIENT_REPRESENTATIVES, StakeholderRole.CLIENT_REPRESENTATIVE,
            GovernanceGroups.PROVIDER_MANAGERS, StakeholderRole.PROVIDER_MANAGER,
            GovernanceGroups.EXECUTIVE_SPONSORS, StakeholderRole.EXECUTIVE_SPONSOR);
    public static final String REJECTED_SIGN_OFF = Escalation.Trigger.REJECTED_SIGN_OFF.name();

    /** A level of the ladder as its task is addressed: the people at that level, the groups, the time limit. */
    public record LevelAssignment(int level, List<String> responders, List<String> groups, Instant responseDue) {
    }

    /** An escalation with the steps so far. */
    public record EscalationRecord(Escalation escalation, List<EscalationStep> steps, List<Long> actionItemIds) {
    }

    /** A person raising one by hand. */
    public record RaiseRequest(String subject, Escalation.Severity severity) {
    }

    private final EscalationRepository escalations;
    private final EscalationStepRepository steps;
    private final EscalationLadder ladder;
    private final EscalationRouting routing;
    private final EscalationSettings settings;
    private final EngagementService engagements;
    private final ActionItemService actionItems;
    private final AuditTrail auditTrail;
    private final CurrentUser currentUser;
    private final EngagementAccess access;
    private final OfficerTeams officerTeams;
    private final Clock clock;

    EscalationService(EscalationRepository escalations, EscalationStepRepository steps, EscalationLadder ladder,
            EscalationRouting routing, EscalationSettings settings, EngagementService engagements,
            ActionItemService actionItems, AuditTrail auditTrail, CurrentUser currentUser, EngagementAccess access,
            OfficerTeams officerTeams, Clock clock) {
        this.escalations = escalations;
        this.steps = steps;
        this.ladder = ladder;
        this.routing = routing;
        this.settings = settings;
        this.engagements = engagements;
        this.actionItems = actionItems;
        this.auditTrail = auditTrail;
        this.currentUser = currentUser;
        this.access = access;
        this.officerTeams = officerTeams;
        this.clock = clock;
    }

    // ---- raising -----------------------------------------------------------------------------

    /** A breach or repeated warnings: escalate, once per metric and period. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(ServiceLevelBreached breach) {
        boolean isBreach = ServiceLevelBreached.KPI_BREACH.equals(breach.trigger());
        raise(breach.engagementId(), "kpi:" + breach.engagementId() + ":" + breach.metricCode() + ":" + breach.period(),
                isBreach ? Escalation.Trigger.KPI_BREACH : Escalation.Trigger.REPEATED_WARNINGS,
                Escalation.Severity.valueOf(breach.severity()), breach.metricName() + " (" + breach.metricCode() + ") "
                        + (isBreach ? "breached its threshold" : "warned three periods in a row") + " in " + breach.period()
                        + (breach.ratedBy() == null ? "" : ", as " + breach.ratedBy() + " rates it"));
    }

    /** An action item still overdue after its grace period: escalate, once per item and due date. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(ActionItemOverdue overdue) {
        raise(overdue.engagementId(), "action:" + overdue.actionItemId() + ":" + overdue.dueDate(),
                Escalation.Trigger.OVERDUE_ACTION, Escalation.Severity.MEDIUM, "Action item overdue since "
                        + overdue.dueDate() + ": " + overdue.description() + " (" + overdue.owner() + ")");
    }

    /** The engagement closed: open escalations are withdrawn and their ladders end. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(EngagementService.EngagementClosed closed) {
        for (Escalation escalation : escalations.findByEngagementIdAndStatusOrderByIdAsc(closed.engagementId(),
                Escalation.Status.OPEN)) {
            endWithoutResponse(escalation, Escalation.Resolution.WITHDRAWN, "the engagement closed");
        }
    }

    /** What an escalation was raised for has been settled elsewhere (an undecided renewal decided): its ladder ends. */
    private void settled(String cause, String how) {
        escalations.findByCause(cause).filter(escalation -> escalation.getStatus() == Escalation.Status.OPEN)
                .ifPresent(escalation -> endWithoutResponse(escalation, Escalation.Resolution.RESOLVED, how));
    }

    private void endWithoutResponse(Escalation escalation, Escalation.Resolution resolution, String why) {
        escalation.resolve(resolution, why, CurrentUser.SYSTEM, Instant.now(clock));
        escalations.save(escalation);
        step(escalation, EscalationStep.Event.RESOLVED, resolution + ": " + why);
        if (escalation.getProcessInstanceId() != null) {
            ladder.end(escalation.getProcessInstanceId(), why);
        }
    }

    /** A sign-off rejected round after round: the dispute goes up the ladder, once. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(SignOffRounds.Disputed disputed) {
        raise(disputed.engagementId(), "dispute:" + disputed.dispute(), Escalation.Trigger.SIGN_OFF_DISPUTE,
                Escalation.Severity.HIGH, disputed.subject());
    }

    /** No further sign-off round while its dispute is still with the ladder. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(SignOffRounds.FurtherRoundRequested request) {
        escalations.findByCause("dispute:" + request.dispute())
                .filter(escalation -> escalation.getStatus() == Escalation.Status.OPEN)
                .ifPresent(open -> {
                    throw new ConflictException("the dispute is with the escalation ladder (escalation " + open.getId()
                            + ", level " + open.getLevel() + ") after " + (request.round() - 1)
                            + " rejected rounds; the next round opens once it is resolved");
                });
    }

    /** A signer rejected review minutes and chose to escalate: once per review and sign-off round. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void raiseForRejectedSignOff(Long engagementId, Long reviewId, int round, String subject) {
        raise(engagementId, "review:" + reviewId + ":" + round, Escalation.Trigger.REJECTED_SIGN_OFF,
                Escalation.Severity.MEDIUM, subject);
    }

    /**
     * The notice date of a term came with no renewal decision: straight to the steering committee
     * (CRITICAL), once per term.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void raiseForUndecidedRenewal(Long engagementId, int term, String subject) {
        raise(engagementId, undecidedRenewal(engagementId, term), Escalation.Trigger.RENEWAL_UNDECIDED,
                Escalation.Severity.CRITICAL, subject);
    }

    /** The renewal of a term was decided: its escalation for want of a decision, if any, is settled. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void renewalDecided(Long engagementId, int term, String decision) {
        settled(undecidedRenewal(engagementId, term), "the renewal was decided: " + decision);
    }

    private static String undecidedRenewal(Long engagementId, int term) {
        return "renewal:" + engagementId + ":" + term;
    }

    /** A stakeholder or officer raises one by hand (API or Tasklist's start form). */
    @Transactional
    public Escalation raiseByHand(Long engagementId, RaiseRequest request) {
        Engagement engagement = engagements.get(engagementId);
        engagement.requireOpen();
        List<Violation> violations = new ArrayList<>();
        if (request == null || request.subject() == null || request.subject().isBlank()) {
            violations.add(new Violation("subject", "is required: what needs attention"));
        } else if (request.subject().length() > 1000) {
            violations.add(new Violation("subject", "must be at most 1000 characters"));
        }
        if (request == null || request.severity() == null) {
            violations.add(new Violation("severity", "must be one of " + List.of(Escalation.Severity.values())));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return raise(engagementId, "manual:" + UUID.randomUUID(), Escalation.Trigger.MANUAL, request.severity(),
                request.subject().trim());
    }

    /**
     * Why an escalation process may not start as it is being started, or empty when it may. A
     * person raising one by hand gives only what the start form asks (the rest is set by the
     * process); an escalation the service recorded (an id given) must be open, of the given
     * engagement, and without a ladder yet: only the service's own start, in the transaction
     * that recorded it, can satisfy that, so nobody can move or copy another escalation.
     */
    @Transactional(readOnly = true)
    public Optional<String> whyStartRefused(Object escalationId, Object engagementId, Set<String> variableNames) {
        if (escalationId == null) {
            if (currentUser.seesEverything() || EscalationProcess.START_FORM_FIELDS.containsAll(variableNames)) {
                return Optional.empty();
            }
            Set<String> extra = new TreeSet<>(variableNames);
            extra.removeAll(EscalationProcess.START_FORM_FIELDS);
            return Optional.of("An escalation is raised with its start form's fields only ("
                    + String.join(", ", new TreeSet<>(EscalationProcess.START_FORM_FIELDS)) + "); not allowed: "
                    + String.join(", ", extra) + ".");
        }
        String notNew = "Escalation " + escalationId + " cannot be started again: a ladder starts only for a new "
                + "escalation of its own engagement. Raise a new one from the start form.";
        if (!(escalationId instanceof Number id) || !(engagementId instanceof Number engagement)) {
            return Optional.of(notNew);
        }
        return escalations.findById(id.longValue())
                .filter(e -> e.getStatus() == Escalation.Status.OPEN && e.getProcessInstanceId() == null
                        && e.getEngagementId().equals(engagement.longValue()))
                .map(e -> Optional.<String>empty())
                .orElse(Optional.of(notNew));
    }

    /**
     * Someone started the escalation process from Tasklist's start form: the record for that
     * instance, for an engagement the person is on (officers: any).
     */
    @Transactional
    public Escalation registerFromStartForm(String processInstanceId, String contractReference, String subject,
            String severity) {
        List<Violation> violations = new ArrayList<>();
        Engagement engagement = contractReference == null ? null
                : engagements.forProcess(contractReference.trim()).orElse(null);
        String user = currentUser.idOrSystem();
        if (engagement == null || !currentUser.seesEverything() && !engagements.isStakeholder(engagement.getId(), user)) {
            violations.add(new Violation(EscalationProcess.CONTRACT_REFERENCE, "names no engagement you are on: "
                    + contractReference));
        } else if (engagement.getPhase() == Phase.CLOSED) {
            violations.add(new Violation(EscalationProcess.CONTRACT_REFERENCE, "the engagement is closed"));
        }
        if (blank(subject)) {
            violations.add(new Violation(EscalationProcess.SUBJECT.name(), "is required: what needs attention"));
        } else if (subject.length() > 1000) {
            violations.add(new Violation(EscalationProcess.SUBJECT.name(), "must be at most 1000 characters"));
        }
        Escalation.Severity parsed = null;
        try {
            parsed = Escalation.Severity.valueOf(severity == null ? "" : severity);
        } catch (IllegalArgumentException unknown) {
            violations.add(new Violation(EscalationProcess.SEVERITY.name(), "must be one of "
                    + List.of(Escalation.Severity.values())));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        Escalation escalation = escalations.save(new Escalation(engagement.getId(), "manual:" + processInstanceId,
                Escalation.Trigger.MANUAL, parsed, subject.trim(), user, Instant.now(clock)));
        escalation.runsIn(processInstanceId);
        access.opened(engagement.getId(), processInstanceId);
        step(escalation, EscalationStep.Event.RAISED, "MANUAL (" + parsed + ") in Tasklist");
        auditTrail.recordFor(processInstanceId, EngagementService.AUDIT_TYPE, engagement.getId(), "ESCALATION_RAISED",
                "#" + escalation.getId() + " MANUAL (" + parsed + "): " + escalation.getSubject());
        return escalations.save(escalation);
    }

    private Escalation raise(Long engagementId, String cause, Escalation.Trigger trigger, Escalation.Severity severity,
            String subject) {
        if (escalations.existsByCause(cause) || ladder.ranBefore(cause)) {
            return null;
        }
        Engagement engagement = engagements.forProcess(engagementId);
        Escalation escalation = escalations.save(new Escalation(engagementId, cause, trigger, severity,
                cut(subject, 1000), currentUser.idOrSystem(), Instant.now(clock)));
        step(escalation, EscalationStep.Event.RAISED, trigger + " (" + severity + ")");
        escalation.runsIn(ladder.start(engagement, engagements.holderOrNull(engagementId, StakeholderRole.GOVERNANCE_OFFICER),
                escalation));
        auditTrail.recordFor(escalation.getProcessInstanceId(), EngagementService.AUDIT_TYPE, engagementId,
                "ESCALATION_RAISED", "#" + escalation.getId() + " " + trigger + " (" + severity + "): " + escalation.getSubject());
        return escalations.save(escalation);
    }

    // ---- the ladder --------------------------------------------------------------------------

    /**
     * Puts the escalation in front of a level: the routing table's starting level the first time,
     * the current level afterwards. The level's people are the stakeholders at that escalation
     * level (at level 1 the governance officer when nobody is there; at the top, the steering
     * committee, also the engagement's executive sponsors of both sides), with the routing table's
     * group at the starting level and the engagement's officer teams throughout. Only this engagement's
     * people: sponsors of other engagements do not see the task.
     */
    @Transactional
    public LevelAssignment openLevel(Long escalationId) {
        Escalation escalation = find(escalationId);
        boolean first = steps.findByEscalationIdOrderByIdAsc(escalationId).stream()
                .noneMatch(s -> s.getEvent() == EscalationStep.Event.OPENED_AT_LEVEL);
        EscalationRouting.Route route = routing.route(escalation.getTrigger(), escalation.getSeverity());
        int level = first ? route.startLevel() : escalation.getLevel();
        Instant due = Instant.now(clock).plus(settings.responseTime(escalation.getSeverity()));
        escalation.atLevel(level, due);
        escalations.save(escalation);
        List<String> responders = new ArrayList<>(respondersAt(escalation.getEngagementId(), level));
        Set<String> groups = new LinkedHashSet<>();
        if (first && route.candidateGroup() != null && !route.candidateGroup().isBlank()) {
            String group = route.candidateGroup().trim();
            StakeholderRole role = ROLE_OF_GROUP.get(group);
            if (role != null) {
                // a role group stands for this engagement's holders of the role, never for everyone in it
                engagements.stakeholdersForProcess(escalation.getEngagementId()).stream()
                        .filter(s -> s.getRole() == role && !responders.contains(s.getUserId()))
                        .forEach(s -> responders.add(s.getUserId()));
            } else if (!GovernanceGroups.GOVERNANCE_OFFICERS.equals(group)) {
                // the officers stand for this engagement's officer teams, added below
                groups.add(group);
            }
        }
        groups.addAll(officerTeams.of(engagements.holderOrNull(escalation.getEngagementId(), StakeholderRole.GOVERNANCE_OFFICER)));
        step(escalation, EscalationStep.Event.OPENED_AT_LEVEL, "to " + (responders.isEmpty() ? "the groups " + groups
                : String.join(", ", responders)) + ", respond by " + due);
        if (first) {
            auditTrail.recordFor(escalation.getProcessInstanceId(), EngagementService.AUDIT_TYPE, escalation.getEngagementId(),
                    "ESCALATION_ROUTED", "#" + escalationId + " starts at level " + level + ", as " + route.decidedBy() + " routes it");
        }
        return new LevelAssignment(level, responders, List.copyOf(groups), due);
    }

    /** The level let its time limit pass, or passed it on: one level up; at the top it stays with the steering committee. */
    @Transactional
    public int moveUp(Long escalationId, boolean timeLimitPassed) {
        Escalation escalation = find(escalationId);
        escalation.requireOpen();
        if (timeLimitPassed) {
            step(escalation, EscalationStep.Event.TIME_LIMIT_PASSED, "no response by " + escalation.getResponseDueAt());
        }
        int next = Math.min(Escalation.TOP_LEVEL, escalation.getLevel() + 1);
        if (next != escalation.getLevel()) {
            escalation.atLevel(next, null);
            escalations.save(escalation);
            step(escalation, EscalationStep.Event.MOVED_UP, "to level " + next);
            auditTrail.record(EngagementService.AUDIT_TYPE, escalation.getEngagementId(), "ESCALATION_MOVED_UP",
                    "#" + escalationId + " to level " + next + (timeLimitPassed ? " (time limit passed)" : ""));
        }
        return next;
    }

    /**
     * A response at the current level: resolve (resolved, risk accepted or contract action, with a
     * note and an optional action plan of {@code due | owner | action} lines), or pass it up now.
     * Only the level's people and officers respond; a resolved escalation takes no response.
     */
    @Transactional
    public Escalation respond(Long escalationId, String by, String response, String resolution, String note,
            List<ProposedAction> actionPlan) {
        Escalation escalation = find(escalationId);
        escalation.requireOpen();
        requireResponder(escalation, by);
        if ("ESCALATE".equals(response)) {
            if (escalation.getLevel() >= Escalation.TOP_LEVEL) {
                throw new InvalidInputException(EscalationProcess.RESPONSE, "cannot pass it up: the steering committee "
                        + "(level " + Escalation.TOP_LEVEL + ") is the top of the ladder; resolve it here");
            }
            step(escalation, EscalationStep.Event.RESPONDED, by + " passed it up" + (blank(note) ? "" : ": " + note.trim()));
            return escalation;
        }
        if (!"RESOLVE".equals(response)) {
            throw new InvalidInputException(EscalationProcess.RESPONSE, "must be RESOLVE or ESCALATE");
        }
        return resolve(escalation, by, resolution, note, actionPlan);
    }

    private Escalation resolve(Escalation escalation, String by, String resolution, String note,
            List<ProposedAction> actionPlan) {
        List<Violation> violations = new ArrayList<>();
        if (resolution == null || !RESOLUTIONS.contains(resolution)) {
            violations.add(new Violation(EscalationProcess.RESOLUTION, "must be one of " + RESOLUTIONS));
        }
        if (blank(note)) {
            violations.add(new Violation(EscalationProcess.NOTE, "is required: what was decided"));
        } else if (note.length() > 2000) {
            violations.add(new Violation(EscalationProcess.NOTE, "must be at most 2000 characters"));
        }
        if (actionPlan != null) {
            violations.addAll(actionItems.creationViolations(escalation.getEngagementId(), EscalationProcess.ACTION_PLAN,
                    actionPlan));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        escalation.resolve(Escalation.Resolution.valueOf(resolution), note.trim(), by, Instant.now(clock));
        escalations.saveAndFlush(escalation);
        List<ActionItem> plan = actionPlan == null || actionPlan.isEmpty() ? List.of()
                : actionItems.create(escalation.getEngagementId(), EscalationProcess.ACTION_PLAN, actionPlan,
                        ActionItem.Source.ESCALATION, escalation.getId());
        step(escalation, EscalationStep.Event.RESOLVED, resolution + " by " + by + ": " + note.trim()
                + (plan.isEmpty() ? "" : " (action plan: " + plan.size() + " items)"));
        auditTrail.record(EngagementService.AUDIT_TYPE, escalation.getEngagementId(), "ESCALATION_RESOLVED",
                "#" + escalation.getId() + " " + resolution + " at level " + escalation.getLevel() + " by " + by + " — "
                        + escalation.getSubject() + ": " + note.trim());
        return escalation;
    }

    /** Escalations raised before their record existed (process version 0.1): the officer's resolution, in the audit trail. */
    @Transactional
    public void resolve(Long engagementId, String subject, String resolution, String note) {
        if (resolution == null || !RESOLUTIONS.contains(resolution)) {
            throw new InvalidInputException(EscalationProcess.RESOLUTION, "must be one of " + RESOLUTIONS);
        }
        if (blank(note)) {
            throw new InvalidInputException(EscalationProcess.NOTE, "is required: what was decided");
        }
        auditTrail.record(EngagementService.AUDIT_TYPE, engagementId, "ESCALATION_RESOLVED",
                resolution + " — " + subject + ": " + note.trim());
    }

    // ---- through the API -------------------------------------------------------------------

    /** Resolves through the API: answers the level's open task, as its form would. */
    @Transactional
    public EscalationRecord resolveThroughApi(Long engagementId, Long escalationId, String resolution, String note,
            List<ProposedAction> actionPlan) {
        return answerThroughApi(engagementId, escalationId, Map.of(EscalationProcess.RESPONSE, "RESOLVE",
                EscalationProcess.RESOLUTION, resolution == null ? "" : resolution, EscalationProcess.NOTE,
                note == null ? "" : note, EscalationProcess.ACTION_PLAN, planText(actionPlan)));
    }

    /** Passes it up a level now, through the API. */
    @Transactional
    public EscalationRecord escalateThroughApi(Long engagementId, Long escalationId, String note) {
        return answerThroughApi(engagementId, escalationId, Map.of(EscalationProcess.RESPONSE, "ESCALATE",
                EscalationProcess.NOTE, note == null ? "" : note));
    }

    private EscalationRecord answerThroughApi(Long engagementId, Long escalationId, Map<String, Object> values) {
        engagements.get(engagementId);
        Escalation escalation = escalations.findByIdAndEngagementId(escalationId, engagementId)
                .orElseThrow(() -> new NotFoundException("escalation", escalationId));
        escalation.requireOpen();
        requireResponder(escalation, currentUser.idOrSystem());
        var task = escalation.getProcessInstanceId() == null ? null
                : ladder.levelTask(escalation.getProcessInstanceId()).orElse(null);
        if (task == null) {
            throw new ConflictException("escalation " + escalationId + " is moving between levels; try again in a moment");
        }
        ladder.respond(task, values);
        return get(engagementId, escalationId);
    }

    // ---- reading -----------------------------------------------------------------------------

    /** How many escalations raised from {@code from} (inclusive) to {@code to} (exclusive) reached each level, 1 to 3. */
    @Transactional(readOnly = true)
    public java.util.SortedMap<Integer, Long> levelsReached(Long engagementId, Instant from, Instant to) {
        java.util.SortedMap<Integer, Long> reached = new java.util.TreeMap<>();
        for (int level = 1; level <= Escalation.TOP_LEVEL; level++) {
            reached.put(level, 0L);
        }
        escalations.findByEngagementIdOrderByIdAsc(engagementId).stream()
                .filter(e -> !e.getRaisedAt().isBefore(from) && e.getRaisedAt().isBefore(to))
                .forEach(e -> reached.merge(e.getLevel(), 1L, Long::sum));
        return reached;
    }

    @Transactional(readOnly = true)
    public List<Escalation> of(Long engagementId, Escalation.Status status) {
        engagements.get(engagementId);
        return status == null ? escalations.findByEngagementIdOrderByIdAsc(engagementId)
                : escalations.findByEngagementIdAndStatusOrderByIdAsc(engagementId, status);
    }

    @Transactional(readOnly = true)
    public EscalationRecord get(Long engagementId, Long escalationId) {
        engagements.get(engagementId);
        Escalation escalation = escalations.findByIdAndEngagementId(escalationId, engagementId)
                .orElseThrow(() -> new NotFoundException("escalation", escalationId));
        return new EscalationRecord(escalation, steps.findByEscalationIdOrderByIdAsc(escalationId),
                actionItems.search(engagementId, null, null, null).stream()
                        .filter(item -> escalationId.equals(item.escalationId())).map(ActionItemService.ActionItemView::id)
                        .toList());
    }

    /** What the engagement's open escalations are about, for the next agenda. */
    @Transactional(readOnly = true)
    public List<String> openSubjects(Long engagementId) {
        return escalations.findByEngagementIdAndStatusOrderByIdAsc(engagementId, Escalation.Status.OPEN).stream()
                .map(e -> e.getSubject() + " (level " + e.getLevel() + ")").toList();
    }

    /** The steps so far, as the level's form shows them. */
    @Transactional(readOnly = true)
    public String historyText(Long escalationId) {
        Escalation escalation = find(escalationId);
        return escalation.getSubject() + "\n" + steps.findByEscalationIdOrderByIdAsc(escalationId).stream()
                .map(s -> s.getOccurredAt() + "  level " + s.getLevel() + "  " + s.getEvent() + "  " + s.getActor()
                        + (s.getNote() == null ? "" : "  " + s.getNote()))
                .collect(Collectors.joining("\n"));
    }

    @Transactional(readOnly = true)
    public Escalation forProcess(Long escalationId) {
        return find(escalationId);
    }

    private List<String> respondersAt(Long engagementId, int level) {
        List<String> users = engagements.stakeholdersForProcess(engagementId).stream()
                .filter(s -> s.getEscalationLevel() != null && s.getEscalationLevel() == level
                        || level == Escalation.TOP_LEVEL && s.getRole() == StakeholderRole.EXECUTIVE_SPONSOR)
                .map(Stakeholder::getUserId).distinct().toList();
        if (users.isEmpty() && level == 1) {
            String officer = engagements.holderOrNull(engagementId, StakeholderRole.GOVERNANCE_OFFICER);
            return officer == null ? List.of() : List.of(officer);
        }
        return users;
    }

    private void requireResponder(Escalation escalation, String user) {
        boolean officer = currentUser.seesEverything() && currentUser.id().isPresent();
        if (!officer && !respondersAt(escalation.getEngagementId(), escalation.getLevel()).contains(user)) {
            throw new InvalidInputException("responder", user + " is not at level " + escalation.getLevel()
                    + " of escalation " + escalation.getId() + "; that level's people and the governance officers respond");
        }
    }

    private void step(Escalation escalation, EscalationStep.Event event, String note) {
        steps.save(new EscalationStep(escalation.getId(), escalation.getLevel(), event, currentUser.idOrSystem(),
                Instant.now(clock), note == null ? null : cut(note, 2000)));
    }

    private Escalation find(Long escalationId) {
        return escalations.findById(escalationId).orElseThrow(() -> new NotFoundException("escalation", escalationId));
    }

    private static String planText(List<ProposedAction> plan) {
        if (plan == null) {
            return "";
        }
        return plan.stream().map(a -> (a.dueDate() == null ? "" : a.dueDate().toString()) + " | "
                + (a.owner() == null ? "" : a.owner()) + " | " + (a.description() == null ? "" : a.description()))
                .collect(Collectors.joining("\n"));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
