package org.bpogovernance.action;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bpogovernance.audit.AuditTrail;
import org.bpogovernance.engagement.Engagement;
import org.bpogovernance.engagement.EngagementService;
import org.bpogovernance.engagement.StakeholderRole;
import org.bpogovernance.platform.ConflictException;
import org.bpogovernance.platform.InvalidInputException;
import org.bpogovernance.platform.InvalidInputException.Violation;
import org.bpogovernance.platform.NotFoundException;
import org.bpogovernance.security.CurrentUser;
import org.springframework.stereotype.Service;
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
    public record ActionItemView(Long id, Long engagementId, Long reviewId, String description, String owner,
            LocalDate dueDate, ActionItem.Status status, ActionItem.Source source, boolean overdue,
            String completionNote, Instant completedAt, Instant createdAt, String createdBy, long version) {

        static ActionItemView of(ActionItem item, LocalDate today) {
            return new ActionItemView(item.getId(), item.getEngagementId(), item.getReviewId(), item.getDescription(),
                    item.getOwner(), item.getDueDate(), item.getStatus(), item.getSource(), item.isOverdueOn(today),
                    item.getCompletionNote(), item.getCompletedAt(), item.getCreatedAt(), item.getCreatedBy(),
                    item.getVersion());
        }
    }

    private final ActionItemRepository items;
    private final ActionItemFollowUp followUp;
    private final EngagementService engagements;
    private final AuditTrail auditTrail;
    private final CurrentUser currentUser;
    private final Clock clock;

    ActionItemService(ActionItemRepository items, ActionItemFollowUp followUp, EngagementService engagements,
            AuditTrail auditTrail, CurrentUser currentUser, Clock clock) {
        this.items = items;
        this.followUp = followUp;
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
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < actions.size(); i++) {
            check(engagementId, field + "[" + i + "]", actions.get(i), notBefore, violations);
        }
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

    private void check(Long engagementId, String path, ProposedAction action, LocalDate notBefore, List<Violation> violations) {
        if (action == null) {
            violations.add(new Violation(path, "is empty"));
            return;
        }
        if (action.description() == null || action.description().isBlank()) {
            violations.add(new Violation(path + ".description", "is required: what is to be done"));
        } else if (action.description().length() > 1000) {
            violations.add(new Violation(path + ".description", "must be at most 1000 characters"));
        }
        if (action.owner() == null || action.owner().isBlank()) {
            violations.add(new Violation(path + ".owner", "is required: who does it"));
        } else if (!engagements.isStakeholder(engagementId, action.owner().trim())) {
            violations.add(new Violation(path + ".owner", action.owner() + " is not a stakeholder of the engagement"));
        }
        if (action.dueDate() == null) {
            violations.add(new Violation(path + ".dueDate", "is required (yyyy-mm-dd)"));
        } else if (!action.dueDate().isAfter(notBefore)) {
            violations.add(new Violation(path + ".dueDate", "must be after " + notBefore + ", the day of the call"));
        }
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
                        engagements.holderOrNull(engagement.getId(), StakeholderRole.GOVERNANCE_OFFICER), item));
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
                .map(item -> ActionItemView.of(item, today)).toList();
    }

    @Transactional(readOnly = true)
    public ActionItemView get(Long engagementId, Long actionItemId) {
        Engagement engagement = engagements.get(engagementId);
        ActionItem item = items.findByIdAndEngagementId(actionItemId, engagementId)
                .orElseThrow(() -> new NotFoundException("action item", actionItemId));
        return ActionItemView.of(item, today(engagement));
    }

    private LocalDate today(Engagement engagement) {
        return LocalDate.now(clock.withZone(engagement.zone()));
    }
}
