package org.bpogovernance.review;

import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.bpogovernance.audit.AuditTrail;
import org.bpogovernance.engagement.Engagement;
import org.bpogovernance.engagement.EngagementService;
import org.bpogovernance.platform.BeanValidation;
import org.bpogovernance.platform.ConflictException;
import org.bpogovernance.platform.InvalidInputException.Violation;
import org.bpogovernance.platform.InvalidInputException;
import org.bpogovernance.platform.NotFoundException;
import org.bpogovernance.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An engagement's milestones: added and changed by officers, their status updated at review calls. */
@Service
public class MilestoneService {

    private final MilestoneRepository milestones;
    private final EngagementService engagements;
    private final Validator validator;
    private final AuditTrail auditTrail;
    private final CurrentUser currentUser;
    private final Clock clock;

    MilestoneService(MilestoneRepository milestones, EngagementService engagements, Validator validator,
            AuditTrail auditTrail, CurrentUser currentUser, Clock clock) {
        this.milestones = milestones;
        this.engagements = engagements;
        this.validator = validator;
        this.auditTrail = auditTrail;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Milestone> of(Long engagementId) {
        engagements.get(engagementId);
        return milestones.findByEngagementIdOrderByDueDateAscIdAsc(engagementId);
    }

    @Transactional(readOnly = true)
    public Milestone get(Long engagementId, Long milestoneId) {
        engagements.get(engagementId);
        return find(engagementId, milestoneId);
    }

    @Transactional
    public Milestone add(Long engagementId, MilestoneRequest request) {
        Engagement engagement = writable(engagementId);
        check(engagement, request);
        Milestone milestone = milestones.save(new Milestone(engagementId, request, Instant.now(clock), currentUser.idOrSystem()));
        auditTrail.record(EngagementService.AUDIT_TYPE, engagementId, "MILESTONE_ADDED", describe(milestone));
        return milestone;
    }

    @Transactional
    public Milestone change(Long engagementId, Long milestoneId, MilestoneRequest request) {
        Engagement engagement = writable(engagementId);
        Milestone milestone = find(engagementId, milestoneId);
        check(engagement, request);
        if (request.version() == null || request.version() != milestone.getVersion()) {
            throw new ConflictException("version", "is " + request.version() + " but the milestone is at version "
                    + milestone.getVersion() + "; reload and try again");
        }
        String before = describe(milestone);
        milestone.apply(request);
        auditTrail.record(EngagementService.AUDIT_TYPE, engagementId, "MILESTONE_CHANGED", before + " -> " + describe(milestone));
        return milestones.save(milestone);
    }

    /** Status updates recorded in a review call's minutes; {@code field} names the list in errors. */
    @Transactional
    public void updateStatuses(Long engagementId, String field, List<StatusUpdate> updates) {
        List<Violation> violations = statusViolations(engagementId, field, updates);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        for (StatusUpdate update : updates) {
            Milestone milestone = find(engagementId, update.milestoneId());
            if (milestone.getStatus() != update.status()) {
                auditTrail.record(EngagementService.AUDIT_TYPE, engagementId, "MILESTONE_STATUS",
                        milestone.getTitle() + ": " + milestone.getStatus() + " -> " + update.status());
                milestone.moveTo(update.status());
                milestones.save(milestone);
            }
        }
    }

    /** What is wrong with status updates, each naming {@code field[i].id} or {@code .status}; nothing is written. */
    @Transactional(readOnly = true)
    public List<Violation> statusViolations(Long engagementId, String field, List<StatusUpdate> updates) {
        List<Violation> violations = new java.util.ArrayList<>();
        for (int i = 0; i < updates.size(); i++) {
            StatusUpdate update = updates.get(i);
            if (update.milestoneId() == null
                    || milestones.findByIdAndEngagementId(update.milestoneId(), engagementId).isEmpty()) {
                violations.add(new Violation(field + "[" + i + "].id", "is not a milestone of this engagement"));
            } else if (update.status() == null) {
                violations.add(new Violation(field + "[" + i + "].status", "must be one of "
                        + List.of(Milestone.Status.values())));
            }
        }
        return violations;
    }

    /** A milestone's status as recorded at a call. */
    public record StatusUpdate(Long milestoneId, Milestone.Status status) {
    }

    /** Open milestones at risk, or due by the given day, for the agenda. */
    @Transactional(readOnly = true)
    public List<Milestone> needingAttention(Long engagementId, LocalDate dueBy) {
        return milestones.findByEngagementIdOrderByDueDateAscIdAsc(engagementId).stream()
                .filter(m -> m.getStatus().isOpen())
                .filter(m -> m.getStatus() == Milestone.Status.AT_RISK || !m.getDueDate().isAfter(dueBy))
                .toList();
    }

    @Transactional(readOnly = true)
    public List<Milestone> open(Long engagementId) {
        return milestones.findByEngagementIdOrderByDueDateAscIdAsc(engagementId).stream()
                .filter(m -> m.getStatus().isOpen()).toList();
    }

    private void check(Engagement engagement, MilestoneRequest request) {
        if (request == null) {
            throw new InvalidInputException("body", "is missing");
        }
        List<Violation> violations = BeanValidation.violations(validator, request);
        if (request.owner() != null && !request.owner().isBlank()
                && !engagements.isStakeholder(engagement.getId(), request.owner().trim())) {
            violations.add(new Violation("owner", request.owner() + " is not a stakeholder of the engagement"));
        }
        if (request.dueDate() != null && (request.dueDate().isBefore(engagement.getTermStart())
                || request.dueDate().isAfter(engagement.getTermEnd()))) {
            violations.add(new Violation("dueDate", "must lie within the term (" + engagement.getTermStart() + " to "
                    + engagement.getTermEnd() + ")"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }

    private Engagement writable(Long engagementId) {
        Engagement engagement = engagements.get(engagementId);
        engagement.requireOpen();
        return engagement;
    }

    private Milestone find(Long engagementId, Long milestoneId) {
        return milestones.findByIdAndEngagementId(milestoneId, engagementId)
                .orElseThrow(() -> new NotFoundException("milestone", milestoneId));
    }

    private static String describe(Milestone m) {
        return m.getTitle() + " (" + m.getStatus() + ", due " + m.getDueDate() + ", " + m.getOwner() + ")";
    }

}
