package org.bpogovernance.action;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bpogovernance.audit.AuditTrail;
import org.bpogovernance.engagement.Engagement;
import org.bpogovernance.engagement.EngagementService;
import org.bpogovernance.engagement.Stakeholder;
import org.bpogovernance.engagement.StakeholderRole;
import org.bpogovernance.notification.Notifications;
import org.bpogovernance.platform.ConflictException;
import org.bpogovernance.platform.InvalidInputException.Violation;
import org.bpogovernance.platform.InvalidInputException;
import org.bpogovernance.platform.NotFoundException;
import org.bpogovernance.platform.PeopleDates;
import org.bpogovernance.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Action items: proposed in a review call's minutes, opened when both parties signed them,
 * followed up by their owners to closure. An owner is always a stakeholder of the engagement.
 */
@Service
public class ActionItemService {

    /** An action item as written in the minutes. */
    public record ProposedAction(String description, String owner, LocalDate dueDate) {
    }

    /** An action item as the API shows it, with whether it is overdue today in the engagement's time zone. */
    public record ActionItemView(Long id, Long engagementId, Long reviewId, Long escalationId, String description,
            String owner, LocalDate dueDate, ActionItem.Status status, ActionItem.Source source, boolean overdue,
            String completionNote, Instant completedAt, String cancelReason, Instant createdAt, String createdBy,
            List<DueDateChange> dueDateChanges, long version) {

        static ActionItemView of(ActionItem item, LocalDate today, List<DueDateChange> changes) {
            return new ActionItemView(item.getId(), item.getEngagementId(), item.getReviewId(), item.getEscalationId(),
                    item.getDescription(), item.getOwner(), item.getDueDate(), item.getStatus(), item.getSource(),
                    item.isOverdueOn(today), item.getCompletionNote(), item.getCompletedAt(), item.getCancelReason(),
                    item.getCreatedAt(), item.getCreatedBy(), changes, item.getVersion());
        }
    }

    private final ActionItemRepository items;
    private final DueDateChangeRepository dueDateChanges;
    private final ActionItemFollowUp followUp;
    private final Notifications notifications;
    private final ActionSettings settings;
    private final ApplicationEventPublisher events;
    private final EngagementService engagements;
    private final AuditTrail auditTrail;
    private final CurrentUser currentUser;
    private final Clock clock;

    ActionItemService(ActionItemRepository items, DueDateChangeRepository dueDateChanges, ActionItemFollowUp followUp,
            Notifications notifications, ActionSettings settings, ApplicationEventPublisher events,
            EngagementService engagements, AuditTrail auditTrail, CurrentUser currentUser, Clock clock) {
        this.items = items;
        this.dueDateChanges = dueDateChanges;
        this.followUp = followUp;
        this.notifications = notifications;
        this.settings = settings;
        this.events = events;
        this.engagements = engagements;
        this.auditTrail = auditTrail;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * The action items of a review's minutes, replacing those proposed before (minutes reworked).
     * Each needs a description, an owner who is a stakeholder, and a due date after {@code notBefore}
     * (the day of the call); {@code field} names the list in errors ({@code actionItems[1].owner}).
     */
    @Transactional
    public List<ActionItem> propose(Long engagementId, Long reviewId, String field, List<ProposedAction> actions,
            LocalDate notBefore) {
        List<Violation> violations = proposalViolations(engagementId, field, actions, notBefore);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        items.findByReviewIdOrderByIdAsc(reviewId).stream()
                .filter(item -> item.getStatus() == ActionItem.Status.PROPOSED).forEach(items::delete);
        Instant now = Instant.now(clock);
        String by = currentUser.idOrSystem();
        return actions.stream().map(action -> items.save(new ActionItem(engagementId, reviewId,
                action.description().trim(), action.owner().trim(), action.dueDate(), ActionItem.Status.PROPOSED,
                ActionItem.Source.REVIEW_CALL, now, by))).toList();
    }

    /** What {@link #create} would refuse of the items, each naming {@code field[i].owner} and so on; nothing is written. */
    @Transactional(readOnly = true)
    public List<Violation> creationViolations(Long engagementId, String field, List<ProposedAction> actions) {
        LocalDate today = today(engagements.forProcess(engagementId));
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < actions.size(); i++) {
            check(engagementId, field.isEmpty() ? "" : field + "[" + i + "]", actions.get(i), today, "today", violations);
        }
        return violations;
    }

    /** What {@link #propose} would refuse, each naming {@code field[i].description}, {@code .owner} or {@code .dueDate}; nothing is written. */
    @Transactional(readOnly = true)
    public List<Violation> proposalViolations(Long engagementId, String field, List<ProposedAction> actions,
            LocalDate notBefore) {
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < actions.size(); i++) {
            check(engagementId, field + "[" + i + "]", actions.get(i), notBefore, "the day of the call", violations);
        }
        return violations;
    }

    private void check(Long engagementId, String path, ProposedAction action, LocalDate notBefore, String notBeforeLabel,
            List<Violation> violations) {
        if (action == null) {
            violations.add(new Violation(path.isEmpty() ? "body" : path, "is empty"));
            return;
        }
        if (action.description() == null || action.description().isBlank()) {
            violations.add(new Violation(field(path, "description"), "is required: what is to be done"));
        } else if (action.description().length() > 1000) {
            violations.add(new Violation(field(path, "description"), "must be at most 1000 characters"));
        }
        if (action.owner() == null || action.owner().isBlank()) {
            violations.add(new Violation(field(path, "owner"), "is required: who does it"));
        } else if (!engagements.isStakeholder(engagementId, action.owner().trim())) {
            violations.add(new Violation(field(path, "owner"), action.owner() + " is not a stakeholder of the engagement"));
        }
        if (action.dueDate() == null) {
            violations.add(new Violation(field(path, "dueDate"), "is required (yyyy-mm-dd)"));
        } else if (!action.dueDate().isAfter(notBefore)) {
            violations.add(new Violation(field(path, "dueDate"), "must be after " + notBefore + ", " + notBeforeLabel));
        }
    }

    private static String field(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** Both parties signed the minutes: their proposed items are open now. */
    @Transactional
    public List<ActionItem> open(Long reviewId) {
        List<ActionItem> opened = new ArrayList<>();
        for (ActionItem item : items.findByReviewIdOrderByIdAsc(reviewId)) {
            if (item.getStatus() == ActionItem.Status.PROPOSED) {
                item.open();
                opened.add(items.save(item));
                auditTrail.record(EngagementService.AUDIT_TYPE, item.getEngagementId(), "ACTION_ITEM_OPENED",
                        "#" + item.getId() + " " + item.getDescription() + " — " + item.getOwner() + " by " + item.getDueDate());
            }
        }
        return opened;
    }

    /** Starts a follow-up for each open item of the review that has none yet; idempotent. */
    @Transactional
    public int startFollowUps(Long reviewId) {
        int started = 0;
        for (ActionItem item : items.findByReviewIdOrderByIdAsc(reviewId)) {
            if (item.getStatus() == ActionItem.Status.OPEN && item.getProcessInstanceId() == null) {
                Engagement engagement = engagements.forProcess(item.getEngagementId());
                item.followedUpBy(followUp.start(engagement,
                        engagements.holderOrNull(engagement.getId(), StakeholderRole.GOVERNANCE_OFFICER), item,
                        settings.overdueGracePeriod()));
                items.save(item);
                started++;
            }
        }
        return started;
    }

    /** The owner (or an officer) closes the item with a note on what was done. */
    @Transactional
    public ActionItem complete(Long actionItemId, String by, boolean byOfficer, String note) {
        ActionItem item = items.findById(actionItemId).orElseThrow(() -> new NotFoundException("action item", actionItemId));
        if (item.getStatus() != ActionItem.Status.OPEN) {
            throw new ConflictException("action item " + actionItemId + " is " + item.getStatus() + ", not OPEN");
        }
        if (!byOfficer && !item.getOwner().equals(by)) {
            throw new InvalidInputException("owner", by + " does not own action item " + actionItemId
                    + "; only " + item.getOwner() + " or an officer may close it");
        }
        if (note == null || note.isBlank()) {
            throw new InvalidInputException(ActionItemFollowUpProcess.COMPLETION_NOTE, "is required: say what was done");
        }
        if (note.length() > 2000) {
            throw new InvalidInputException(ActionItemFollowUpProcess.COMPLETION_NOTE, "must be at most 2000 characters");
        }
        item.complete(note.trim(), Instant.now(clock));
        auditTrail.record(EngagementService.AUDIT_TYPE, item.getEngagementId(), "ACTION_ITEM_DONE",
                "#" + item.getId() + " by " + by + ": " + note.trim());
        return items.save(item);
    }

    /**
     * Items agreed outside a review call (by an officer, or in an escalation's action plan): open at
     * once and followed up; each needs an owner on the engagement and a due date after today.
     */
    @Transactional
    public List<ActionItem> create(Long engagementId, String field, List<ProposedAction> actions, ActionItem.Source source,
            Long escalationId) {
        Engagement engagement = engagements.forProcess(engagementId);
        engagement.requireOpen();
        List<Violation> violations = creationViolations(engagementId, field, actions);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        Instant now = Instant.now(clock);
        String by = currentUser.idOrSystem();
        String officer = engagements.holderOrNull(engagementId, StakeholderRole.GOVERNANCE_OFFICER);
        List<ActionItem> created = new ArrayList<>();
        for (ProposedAction action : actions) {
            ActionItem item = new ActionItem(engagementId, null, action.description().trim(), action.owner().trim(),
                    action.dueDate(), ActionItem.Status.OPEN, source, now, by);
            item.fromEscalation(escalationId);
            item = items.save(item);
            item.followedUpBy(followUp.start(engagement, officer, item, settings.overdueGracePeriod()));
            created.add(items.save(item));
            auditTrail.record(EngagementService.AUDIT_TYPE, engagementId, "ACTION_ITEM_OPENED",
                    "#" + item.getId() + " " + item.getDescription() + " — " + item.getOwner() + " by " + item.getDueDate()
                            + " (" + source + ")");
        }
        return created;
    }

    /** An officer adds an item by hand (source MANUAL): errors name the fields themselves. */
    @Transactional
    public ActionItem createManual(Long engagementId, ProposedAction action) {
        engagements.get(engagementId);
        return create(engagementId, "", java.util.Collections.singletonList(action), ActionItem.Source.MANUAL, null).get(0);
    }

    /** The owner asks for a new due date, with the reason; an officer decides. One open request at a time. */
    @Transactional
    public DueDateChange requestNewDueDate(Long actionItemId, String by, LocalDate newDueDate, String reason) {
        ActionItem item = openItem(actionItemId);
        List<Violation> violations = new ArrayList<>();
        if (!item.getOwner().equals(by)) {
            violations.add(new Violation("owner", by + " does not own action item " + actionItemId
                    + "; only " + item.getOwner() + " asks for a new due date"));
        }
        LocalDate today = today(engagements.forProcess(item.getEngagementId()));
        if (newDueDate == null) {
            violations.add(new Violation(ActionItemFollowUpProcess.NEW_DUE_DATE, "is required (yyyy-mm-dd)"));
        } else if (!newDueDate.isAfter(today)) {
            violations.add(new Violation(ActionItemFollowUpProcess.NEW_DUE_DATE, "must be in the future, after " + today));
        } else if (newDueDate.equals(item.getDueDate())) {
            violations.add(new Violation(ActionItemFollowUpProcess.NEW_DUE_DATE, "is the current due date"));
        }
        if (reason == null || reason.isBlank()) {
            violations.add(new Violation(ActionItemFollowUpProcess.EXTENSION_REASON, "is required: why the new date"));
        } else if (reason.length() > 2000) {
            violations.add(new Violation(ActionItemFollowUpProcess.EXTENSION_REASON, "must be at most 2000 characters"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        if (dueDateChanges.findByActionItemIdOrderByIdAsc(actionItemId).stream().anyMatch(DueDateChange::isPending)) {
            throw new ConflictException(ActionItemFollowUpProcess.NEW_DUE_DATE, "a new due date was asked for already; "
                    + "the governance officer decides on it first");
        }
        DueDateChange change = dueDateChanges.save(new DueDateChange(actionItemId, item.getDueDate(), newDueDate,
                reason.trim(), by, Instant.now(clock)));
        auditTrail.record(EngagementService.AUDIT_TYPE, item.getEngagementId(), "ACTION_ITEM_EXTENSION_REQUESTED",
                "#" + actionItemId + " from " + item.getDueDate() + " to " + newDueDate + " by " + by + ": " + reason.trim());
        return change;
    }

    /** The officer's decision on the open request; an approval moves the due date. Returns the decided request. */
    @Transactional
    public DueDateChange decideNewDueDate(Long actionItemId, String by, String decision, String note) {
        ActionItem item = openItem(actionItemId);
        DueDateChange pending = dueDateChanges.findByActionItemIdOrderByIdAsc(actionItemId).stream()
                .filter(DueDateChange::isPending).findFirst()
                .orElseThrow(() -> new ConflictException("action item " + actionItemId + " has no new due date to decide on"));
        DueDateChange.Decision parsed = switch (decision == null ? "" : decision) {
            case "APPROVE" -> DueDateChange.Decision.APPROVED;
            case "REJECT" -> DueDateChange.Decision.REJECTED;
            default -> throw new InvalidInputException(ActionItemFollowUpProcess.EXTENSION_DECISION, "must be APPROVE or REJECT");
        };
        if (parsed == DueDateChange.Decision.REJECTED && (note == null || note.isBlank())) {
            throw new InvalidInputException(ActionItemFollowUpProcess.EXTENSION_NOTE, "is required when refusing: say why");
        }
        pending.decide(parsed, by, note == null || note.isBlank() ? null : note.trim(), Instant.now(clock));
        if (parsed == DueDateChange.Decision.APPROVED) {
            item.moveDueDate(pending.getNewDueDate());
            items.save(item);
        }
        auditTrail.record(EngagementService.AUDIT_TYPE, item.getEngagementId(), "ACTION_ITEM_EXTENSION_" + parsed,
                "#" + actionItemId + " " + pending.getOldDueDate() + " -> " + pending.getNewDueDate() + " by " + by
                        + (pending.getDecisionNote() == null ? "" : ": " + pending.getDecisionNote()));
        return dueDateChanges.save(pending);
    }

    /** What the officer reads when deciding on a new due date. */
    @Transactional(readOnly = true)
    public String pendingRequestText(Long actionItemId) {
        ActionItem item = forProcess(actionItemId);
        return dueDateChanges.findByActionItemIdOrderByIdAsc(actionItemId).stream().filter(DueDateChange::isPending)
                .findFirst().map(c -> item.getDescription() + "\nOwner: " + item.getOwner() + "\nDue: " + c.getOldDueDate()
                        + ", asked for: " + c.getNewDueDate() + "\nReason: " + c.getReason())
                .orElse(item.getDescription());
    }

    /** An officer cancels an open item, with the reason; its follow-up ends. */
    @Transactional
    public ActionItemView cancel(Long engagementId, Long actionItemId, String reason) {
        Engagement engagement = engagements.get(engagementId);
        ActionItem item = items.findByIdAndEngagementId(actionItemId, engagementId)
                .orElseThrow(() -> new NotFoundException("action item", actionItemId));
        if (item.getStatus() != ActionItem.Status.OPEN) {
            throw new ConflictException("status", "action item " + actionItemId + " is " + item.getStatus() + ", not OPEN");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "is required: why the item is no longer needed");
        }
        item.cancel(reason.trim());
        if (item.getProcessInstanceId() != null) {
            followUp.end(item.getProcessInstanceId(), "cancelled: " + reason.trim());
        }
        auditTrail.record(EngagementService.AUDIT_TYPE, engagementId, "ACTION_ITEM_CANCELLED", "#" + actionItemId + ": " + reason.trim());
        return ActionItemView.of(items.save(item), today(engagement), dueDateChanges.findByActionItemIdOrderByIdAsc(actionItemId));
    }

    /** The engagement closed: its open items are cancelled and their follow-ups end, so nobody is chased any more. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(EngagementService.EngagementClosed closed) {
        for (ActionItem item : items.findByEngagementIdAndStatusInOrderByDueDateAscIdAsc(closed.engagementId(),
                Set.of(ActionItem.Status.OPEN))) {
            item.cancel("the engagement closed");
            if (item.getProcessInstanceId() != null) {
                followUp.end(item.getProcessInstanceId(), "the engagement closed");
            }
            items.save(item);
            auditTrail.record(EngagementService.AUDIT_TYPE, closed.engagementId(), "ACTION_ITEM_CANCELLED",
                    "#" + item.getId() + ": the engagement closed");
        }
    }

    /**
     * The due date passed: the owner's escalation contact — the next stakeholder up the ladder on
     * the owner's side, else the governance officer — is told by mail.
     */
    @Transactional
    public Optional<String> tellEscalationContact(Long actionItemId) {
        ActionItem item = forProcess(actionItemId);
        if (item.getStatus() != ActionItem.Status.OPEN) {
            return Optional.empty();
        }
        Engagement engagement = engagements.forProcess(item.getEngagementId());
        Optional<String> contact = escalationContactOf(item);
        contact.ifPresent(user -> notifications.notifyUser("action-overdue:" + item.getId() + ":" + item.getDueDate() + ":" + user,
                Notifications.Kind.ACTION_OVERDUE, engagement.getId(), user, Map.of("engagementName", engagement.getName(),
                        "description", item.getDescription(), "owner", item.getOwner(), "due", PeopleDates.day(item.getDueDate()),
                        "escalatesOn", PeopleDates.day(item.getDueDate().plusDays(Math.max(1, settings.overdueGracePeriod().toDays()))))));
        auditTrail.record(EngagementService.AUDIT_TYPE, engagement.getId(), "ACTION_ITEM_OVERDUE",
                "#" + item.getId() + " (" + item.getOwner() + ", due " + item.getDueDate() + ")"
                        + contact.map(user -> "; " + user + " told").orElse(""));
        return contact;
    }

    /** The grace period ended: if the item is still open and past its due date, it is escalated. */
    @Transactional
    public boolean escalateIfStillOverdue(Long actionItemId) {
        ActionItem item = forProcess(actionItemId);
        if (!item.isOverdueOn(today(engagements.forProcess(item.getEngagementId())))) {
            return false;
        }
        events.publishEvent(new ActionItemOverdue(item.getEngagementId(), item.getId(), item.getDescription(),
                item.getOwner(), item.getDueDate()));
        return true;
    }

    private Optional<String> escalationContactOf(ActionItem item) {
        List<Stakeholder> map = engagements.stakeholdersForProcess(item.getEngagementId());
        Optional<Stakeholder> owner = map.stream().filter(s -> s.getUserId().equals(item.getOwner())).findFirst();
        int ownLevel = owner.map(Stakeholder::getEscalationLevel).orElse(0) == null ? 0
                : owner.map(Stakeholder::getEscalationLevel).orElse(0);
        return map.stream()
                .filter(s -> owner.isEmpty() || s.getSide() == owner.get().getSide())
                .filter(s -> !s.getUserId().equals(item.getOwner()))
                .filter(s -> s.getEscalationLevel() != null && s.getEscalationLevel() > ownLevel)
                .min(java.util.Comparator.comparing(Stakeholder::getEscalationLevel))
                .map(Stakeholder::getUserId)
                .or(() -> Optional.ofNullable(engagements.holderOrNull(item.getEngagementId(), StakeholderRole.GOVERNANCE_OFFICER))
                        .filter(officer -> !officer.equals(item.getOwner())));
    }

    private ActionItem openItem(Long actionItemId) {
        ActionItem item = forProcess(actionItemId);
        if (item.getStatus() != ActionItem.Status.OPEN) {
            throw new ConflictException("status", "action item " + actionItemId + " is " + item.getStatus() + ", not OPEN");
        }
        return item;
    }

    @Transactional(readOnly = true)
    public List<ActionItem> ofReview(Long reviewId) {
        return items.findByReviewIdOrderByIdAsc(reviewId);
    }

    /** Open items of the engagement past their due date, for the next agenda. */
    @Transactional(readOnly = true)
    public List<ActionItem> overdue(Long engagementId) {
        LocalDate today = today(engagements.forProcess(engagementId));
        return items.findByEngagementIdAndStatusInOrderByDueDateAscIdAsc(engagementId, Set.of(ActionItem.Status.OPEN))
                .stream().filter(item -> item.isOverdueOn(today)).toList();
    }

    /**
     * How the engagement followed through on what it agreed, for items due from {@code from} to
     * {@code to} (cancelled ones left out): how many, how many done, done late and by how many days
     * on average, still open past their date, and the closure rate — done of those due by today.
     */
    public record FollowThrough(long agreed, long done, long doneLate, BigDecimal averageDaysLate, long overdueOpen,
            BigDecimal closureRate) {
    }

    @Transactional(readOnly = true)
    public FollowThrough followThrough(Long engagementId, LocalDate from, LocalDate to) {
        Engagement engagement = engagements.forProcess(engagementId);
        LocalDate today = today(engagement);
        List<ActionItem> agreed = items.findByEngagementIdOrderByDueDateAscIdAsc(engagementId).stream()
                .filter(item -> item.getStatus() == ActionItem.Status.OPEN || item.getStatus() == ActionItem.Status.DONE)
                .filter(item -> !item.getDueDate().isBefore(from) && !item.getDueDate().isAfter(to)).toList();
        List<ActionItem> dueByNow = agreed.stream().filter(item -> !item.getDueDate().isAfter(today)).toList();
        long done = agreed.stream().filter(item -> item.getStatus() == ActionItem.Status.DONE).count();
        List<Long> daysLate = agreed.stream().filter(item -> item.getStatus() == ActionItem.Status.DONE)
                .map(item -> java.time.temporal.ChronoUnit.DAYS.between(item.getDueDate(),
                        LocalDate.ofInstant(item.getCompletedAt(), engagement.zone())))
                .filter(days -> days > 0).toList();
        long overdueOpen = dueByNow.stream().filter(item -> item.isOverdueOn(today)).count();
        long doneOfDue = dueByNow.stream().filter(item -> item.getStatus() == ActionItem.Status.DONE).count();
        return new FollowThrough(agreed.size(), done, daysLate.size(),
                daysLate.isEmpty() ? null : BigDecimal.valueOf(daysLate.stream().mapToLong(Long::longValue).average()
                        .orElse(0)).setScale(1, java.math.RoundingMode.HALF_UP),
                overdueOpen,
                dueByNow.isEmpty() ? null : BigDecimal.valueOf(doneOfDue * 100.0 / dueByNow.size())
                        .setScale(1, java.math.RoundingMode.HALF_UP));
    }

    @Transactional(readOnly = true)
    public ActionItem forProcess(Long actionItemId) {
        return items.findById(actionItemId).orElseThrow(() -> new NotFoundException("action item", actionItemId));
    }

    /** The engagement's items, filtered by owner, status and overdue (each optional). */
    @Transactional(readOnly = true)
    public List<ActionItemView> search(Long engagementId, String owner, ActionItem.Status status, Boolean overdue) {
        LocalDate today = today(engagements.get(engagementId));
        return items.findByEngagementIdOrderByDueDateAscIdAsc(engagementId).stream()
                .filter(item -> owner == null || owner.isBlank() || item.getOwner().equals(owner.trim()))
                .filter(item -> status == null || item.getStatus() == status)
                .filter(item -> overdue == null || item.isOverdueOn(today) == overdue)
                .map(item -> ActionItemView.of(item, today, dueDateChanges.findByActionItemIdOrderByIdAsc(item.getId())))
                .toList();
    }

    @Transactional(readOnly = true)
    public ActionItemView get(Long engagementId, Long actionItemId) {
        Engagement engagement = engagements.get(engagementId);
        ActionItem item = items.findByIdAndEngagementId(actionItemId, engagementId)
                .orElseThrow(() -> new NotFoundException("action item", actionItemId));
        return ActionItemView.of(item, today(engagement), dueDateChanges.findByActionItemIdOrderByIdAsc(actionItemId));
    }

    private LocalDate today(Engagement engagement) {
        return LocalDate.now(clock.withZone(engagement.zone()));
    }
}
