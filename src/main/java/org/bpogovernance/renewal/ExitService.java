package org.bpogovernance.renewal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.bpogovernance.audit.AuditTrail;
import org.bpogovernance.engagement.Engagement;
import org.bpogovernance.engagement.EngagementService;
import org.bpogovernance.engagement.SignOffRounds;
import org.bpogovernance.engagement.Phase;
import org.bpogovernance.engagement.StakeholderRole;
import org.bpogovernance.platform.ConflictException;
import org.bpogovernance.platform.FormLines;
import org.bpogovernance.platform.InvalidInputException.Violation;
import org.bpogovernance.platform.InvalidInputException;
import org.bpogovernance.platform.NotFoundException;
import org.bpogovernance.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The exit and transition plan: items with owners and dates covering knowledge transfer, data
 * return, service handover, access removal and the final review call; their completion; and both
 * parties' final sign-off, which waits until every item is done.
 */
@Service
public class ExitService {

    /** How the plan is typed, one item per line. */
    static final String LINE_FORMAT = "category | owner | due date | what";

    /** The exit as the API shows it. */
    public record ExitPlan(Long engagementId, Phase phase, List<ExitItem> items, List<PartySignOff> signOffs) {
    }

    private final ExitItemRepository items;
    private final SignOffRounds rounds;
    private final PartySignOffRepository signOffs;
    private final RenewalTasks tasks;
    private final EngagementService engagements;
    private final AuditTrail auditTrail;
    private final CurrentUser currentUser;
    private final Clock clock;

    ExitService(ExitItemRepository items, PartySignOffRepository signOffs, RenewalTasks tasks,
            EngagementService engagements, SignOffRounds rounds, AuditTrail auditTrail, CurrentUser currentUser, Clock clock) {
        this.items = items;
        this.rounds = rounds;
        this.signOffs = signOffs;
        this.tasks = tasks;
        this.engagements = engagements;
        this.auditTrail = auditTrail;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** A plan to start from: one item per category with the usual owner, a week apart, the final call last. */
    @Transactional(readOnly = true)
    public String suggestedPlan(Long engagementId) {
        Engagement engagement = engagements.forProcess(engagementId);
        String provider = engagements.holderOf(engagementId, StakeholderRole.PROVIDER_MANAGER);
        String client = engagements.holderOf(engagementId, StakeholderRole.CLIENT_REPRESENTATIVE);
        String officer = java.util.Optional.ofNullable(engagements.holderOrNull(engagementId, StakeholderRole.GOVERNANCE_OFFICER))
                .orElse(client);
        LocalDate today = today(engagement);
        Map<ExitItem.Category, List<Object>> lines = new LinkedHashMap<>();
        lines.put(ExitItem.Category.KNOWLEDGE_TRANSFER, List.of(provider, today.plusWeeks(2), "Hand over process documentation and run shadowing sessions"));
        lines.put(ExitItem.Category.DATA_RETURN, List.of(provider, today.plusWeeks(3), "Return all client data and confirm deletion of copies"));
        lines.put(ExitItem.Category.SERVICE_HANDOVER, List.of(provider, today.plusWeeks(4), "Hand the service over to the successor"));
        lines.put(ExitItem.Category.ACCESS_REMOVAL, List.of(client, today.plusWeeks(5), "Remove the provider's access to client systems"));
        lines.put(ExitItem.Category.FINAL_REVIEW_CALL, List.of(officer, today.plusWeeks(6), "Hold the final review call"));
        List<List<Object>> rows = new ArrayList<>();
        lines.forEach((category, rest) -> {
            List<Object> row = new ArrayList<>();
            row.add(category);
            row.addAll(rest);
            rows.add(row);
        });
        return FormLines.format(rows);
    }

    /** The plan as agreed: every category covered, each item with a what, an owner on the engagement and a date. */
    @Transactional
    public List<ExitItem> plan(Long engagementId, String text) {
        return add(engagementId, text, true);
    }

    /** Items added after a party refused to sign the exit off. */
    @Transactional
    public List<ExitItem> addItems(Long engagementId, String text) {
        rounds.opening(engagementId, exitDispute(engagementId), lastRound(engagementId) + 1);
        return add(engagementId, text, false);
    }

    private List<ExitItem> add(Long engagementId, String text, boolean wholePlan) {
        Engagement engagement = engagements.forProcess(engagementId);
        requireExiting(engagement);
        FormLines.Parsed lines = FormLines.parse(text, 4);
        List<Violation> violations = new ArrayList<>();
        if (lines.entries().isEmpty()) {
            violations.add(new Violation(RenewalProcess.EXIT_PLAN, "is empty: one item per line, " + LINE_FORMAT));
        }
        LocalDate today = today(engagement);
        Set<ExitItem.Category> covered = EnumSet.noneOf(ExitItem.Category.class);
        List<ExitItem> planned = new ArrayList<>();
        for (int i = 0; i < lines.entries().size(); i++) {
            String[] row = lines.entries().get(i);
            String where = RenewalProcess.EXIT_PLAN + " line " + lines.lineNumbers().get(i);
            int before = violations.size();
            ExitItem.Category category = null;
            try {
                category = row[0] == null ? null : ExitItem.Category.valueOf(row[0].toUpperCase().replace(' ', '_'));
            } catch (IllegalArgumentException unknown) {
                // reported below
            }
            if (category == null) {
                violations.add(new Violation(where, "category: must be one of " + List.of(ExitItem.Category.values())));
            } else {
                covered.add(category);
            }
            if (row[1] == null) {
                violations.add(new Violation(where, "owner: is required: who does it"));
            } else if (!engagements.isStakeholder(engagementId, row[1])) {
                violations.add(new Violation(where, "owner: " + row[1] + " is not a stakeholder of the engagement"));
            }
            LocalDate due = null;
            try {
                due = row[2] == null ? null : LocalDate.parse(row[2]);
            } catch (DateTimeParseException notADate) {
                violations.add(new Violation(where, "due date: '" + row[2] + "' is not a date (yyyy-mm-dd)"));
            }
            if (row[2] == null) {
                violations.add(new Violation(where, "due date: is required (yyyy-mm-dd)"));
            } else if (due != null && !due.isAfter(today)) {
                violations.add(new Violation(where, "due date: must be after today, " + today));
            }
            if (row[3] == null) {
                violations.add(new Violation(where, "what: is required"));
            } else if (row[3].length() > 1000) {
                violations.add(new Violation(where, "what: must be at most 1000 characters"));
            }
            if (violations.size() == before) {
                planned.add(new ExitItem(engagementId, category, row[3], row[1], due, currentUser.idOrSystem(),
                        Instant.now(clock)));
            }
        }
        if (wholePlan && !lines.entries().isEmpty()) {
            Set<ExitItem.Category> missing = EnumSet.allOf(ExitItem.Category.class);
            missing.removeAll(covered);
            if (!missing.isEmpty()) {
                violations.add(new Violation(RenewalProcess.EXIT_PLAN, "has no item for " + missing
                        + ": the plan covers every one of " + List.of(ExitItem.Category.values())));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        List<ExitItem> saved = planned.stream().map(items::save).toList();
        auditTrail.record(EngagementService.AUDIT_TYPE, engagementId, wholePlan ? "EXIT_PLANNED" : "EXIT_ITEMS_ADDED",
                saved.stream().map(item -> "#" + item.getId() + " " + item.getCategory() + " — " + item.getOwner() + " by "
                        + item.getDueDate()).collect(Collectors.joining("; ")));
        return saved;
    }

    @Transactional(readOnly = true)
    public List<Long> openItemIds(Long engagementId) {
        return items.findByEngagementIdOrderByIdAsc(engagementId).stream()
                .filter(item -> item.getStatus() == ExitItem.Status.OPEN).map(ExitItem::getId).toList();
    }

    @Transactional(readOnly = true)
    public ExitItem item(Long exitItemId) {
        return items.findById(exitItemId).orElseThrow(() -> new NotFoundException("exit item", exitItemId));
    }

    /** Its owner (or an officer) reports the item done, saying how. */
    @Transactional
    public ExitItem completeItem(Long exitItemId, String by, String note) {
        ExitItem item = item(exitItemId);
        requireExiting(engagements.forProcess(item.getEngagementId()));
        if (!item.getOwner().equals(by) && !currentUser.seesEverything()) {
            throw new InvalidInputException("owner", by + " does not own exit item " + exitItemId + "; only "
                    + item.getOwner() + " or an officer reports it done");
        }
        if (note == null || note.isBlank()) {
            throw new InvalidInputException(RenewalProcess.EXIT_ITEM_NOTE, "is required: say what was done");
        }
        if (note.length() > 2000) {
            throw new InvalidInputException(RenewalProcess.EXIT_ITEM_NOTE, "must be at most 2000 characters");
        }
        item.complete(note.trim(), by, Instant.now(clock));
        auditTrail.record(EngagementService.AUDIT_TYPE, item.getEngagementId(), "EXIT_ITEM_DONE", "#" + item.getId() + " "
                + item.getCategory() + " by " + by + ": " + note.trim());
        return items.save(item);
    }

    /** The exit's signers: the client representative and the provider manager. */
    @Transactional(readOnly = true)
    public List<String> signers(Long engagementId) {
        return List.of(engagements.holderOf(engagementId, StakeholderRole.CLIENT_REPRESENTATIVE),
                engagements.holderOf(engagementId, StakeholderRole.PROVIDER_MANAGER));
    }

    /**
     * One party's final sign-off of the exit, or its refusal with what is still missing. An
     * approval with items still open is refused: the engagement closes only when the plan is done.
     */
    @Transactional
    public PartySignOff signOff(Long engagementId, String signer, String by, String decision, String reason) {
        Engagement engagement = engagements.forProcess(engagementId);
        requireExiting(engagement);
        List<Long> open = openItemIds(engagementId);
        if ("APPROVE".equals(decision) && !open.isEmpty()) {
            throw new ConflictException("items", "exit items still open: " + open.stream().map(id -> "#" + id)
                    .collect(Collectors.joining(", ")) + "; the exit is signed off when every item is done");
        }
        return PartySignatures.sign(signOffs, engagements, engagementId, PartySignOff.Subject.EXIT, openRound(engagementId),
                signer, by, decision, reason, Instant.now(clock), auditTrail);
    }

    /** Whether both parties signed the last round off; a refused round counts towards the limit. */
    @Transactional
    public boolean signedOff(Long engagementId) {
        int round = lastRound(engagementId);
        boolean signed = PartySignatures.bothApproved(signOffs, engagementId, PartySignOff.Subject.EXIT, round);
        if (!signed) {
            rounds.rejected(engagementId, exitDispute(engagementId), round,
                    "The exit of " + engagements.forProcess(engagementId).getName());
        }
        return signed;
    }

    private static String exitDispute(Long engagementId) {
        return "exit:" + engagementId;
    }

    @Transactional(readOnly = true)
    public String rejections(Long engagementId) {
        return PartySignatures.rejections(signOffs, engagementId, PartySignOff.Subject.EXIT, lastRound(engagementId));
    }

    /** The round being signed: the first, or the next once both parties answered the last one. */
    private int openRound(Long engagementId) {
        List<PartySignOff> all = signOffs.findByEngagementIdAndSubjectOrderByIdAsc(engagementId, PartySignOff.Subject.EXIT);
        int last = lastRound(engagementId);
        long answered = all.stream().filter(s -> s.getRound() == last).count();
        return last == 0 ? 1 : answered >= 2 ? last + 1 : last;
    }

    private int lastRound(Long engagementId) {
        return signOffs.findByEngagementIdAndSubjectOrderByIdAsc(engagementId, PartySignOff.Subject.EXIT).stream()
                .mapToInt(PartySignOff::getRound).max().orElse(0);
    }

    /** What the item's owner reads. */
    @Transactional(readOnly = true)
    public String itemText(Long exitItemId) {
        ExitItem item = item(exitItemId);
        return item.getCategory() + ": " + item.getDescription() + "\nOwner: " + item.getOwner() + ", due " + item.getDueDate();
    }

    /** The whole plan with each item's state, for the signers. */
    @Transactional(readOnly = true)
    public String planText(Long engagementId) {
        return items.findByEngagementIdOrderByIdAsc(engagementId).stream()
                .map(item -> "#" + item.getId() + " " + item.getCategory() + " — " + item.getDescription() + " ("
                        + item.getOwner() + ", due " + item.getDueDate() + "): " + item.getStatus()
                        + (item.getCompletionNote() == null ? "" : " — " + item.getCompletionNote()))
                .collect(Collectors.joining("\n"));
    }

    @Transactional(readOnly = true)
    public ExitPlan get(Long engagementId) {
        Engagement engagement = engagements.get(engagementId);
        return new ExitPlan(engagementId, engagement.getPhase(), items.findByEngagementIdOrderByIdAsc(engagementId),
                signOffs.findByEngagementIdAndSubjectOrderByIdAsc(engagementId, PartySignOff.Subject.EXIT));
    }

    /** The API's report of an item done: completes the item's task as if it were submitted in Tasklist. */
    @Transactional
    public ExitItem completeItemThroughApi(Long engagementId, Long exitItemId, String note) {
        Engagement engagement = engagements.get(engagementId);
        ExitItem item = items.findByIdAndEngagementId(exitItemId, engagementId)
                .orElseThrow(() -> new NotFoundException("exit item", exitItemId));
        if (item.getStatus() == ExitItem.Status.DONE) {
            throw new ConflictException("status", "exit item " + exitItemId + " is done already");
        }
        var task = tasks.exitItemTask(engagement.getContractReference(), exitItemId).orElseThrow(() ->
                new ConflictException("exit item " + exitItemId + " is not being worked yet"));
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(RenewalProcess.EXIT_ITEM_NOTE, note);
        tasks.complete(task, values);
        return item(exitItemId);
    }

    /** The API's sign-off: completes the signer's task; refused while items are open. */
    @Transactional
    public ExitPlan signOffThroughApi(Long engagementId, String decision, String reason) {
        Engagement engagement = engagements.get(engagementId);
        requireExiting(engagement);
        String user = currentUser.idOrSystem();
        var task = tasks.exitTask(engagement.getContractReference(), RenewalTasks.SIGN_OFF_EXIT, user);
        if (task.isEmpty()) {
            List<Long> open = openItemIds(engagementId);
            throw new ConflictException("items", open.isEmpty() ? "no exit sign-off is waiting for " + user
                    : "exit items still open: " + open.stream().map(id -> "#" + id).collect(Collectors.joining(", "))
                            + "; the exit is signed off when every item is done");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(RenewalProcess.SIGN_OFF_DECISION, decision);
        values.put(RenewalProcess.SIGN_OFF_REASON, reason);
        tasks.complete(task.get(), values);
        return get(engagementId);
    }

    /** The exit's first version: the officer confirms the service is handed over. */
    @Transactional
    public void confirmHandover(Long engagementId, Boolean confirmed) {
        if (!Boolean.TRUE.equals(confirmed)) {
            throw new InvalidInputException(RenewalProcess.HANDOVER_CONFIRMED, "must be ticked: the service is handed over");
        }
        auditTrail.record(EngagementService.AUDIT_TYPE, engagementId, "HANDOVER_CONFIRMED", "service handed over");
    }

    private void requireExiting(Engagement engagement) {
        if (engagement.getPhase() != Phase.EXITING) {
            throw new ConflictException("phase", "engagement " + engagement.getId() + " is " + engagement.getPhase()
                    + ", not EXITING" + (engagement.getPhase() == Phase.CLOSED ? ": closed and kept read-only" : ""));
        }
    }

    private LocalDate today(Engagement engagement) {
        return LocalDate.now(clock.withZone(engagement.zone()));
    }
}
