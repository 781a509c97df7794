package org.bpogovernance.reporting;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.bpogovernance.audit.AuditEntry;
import org.bpogovernance.audit.AuditTrail;
import org.bpogovernance.engagement.Engagement;
import org.bpogovernance.engagement.EngagementService;
import org.bpogovernance.platform.SpreadsheetCsv;
import org.bpogovernance.reporting.Timeline.Category;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds an engagement's timeline from its audit trail: the entries that mark its course (not
 * every stakeholder or metric change, which the full audit at {@code /api/engagements/{id}/audit} holds).
 */
@Service
public class TimelineService {

    /** The audit actions on the timeline, with the category each is shown under. */
    static final Map<String, Category> ACTIONS = actions();

    private final EngagementService engagements;
    private final AuditTrail auditTrail;
    private final ProcessInstances processInstances;
    private final TimelineDocuments documents;

    TimelineService(EngagementService engagements, AuditTrail auditTrail, ProcessInstances processInstances,
            TimelineDocuments documents) {
        this.engagements = engagements;
        this.auditTrail = auditTrail;
        this.processInstances = processInstances;
        this.documents = documents;
    }

    @Transactional(readOnly = true)
    public Timeline of(Long engagementId) {
        Engagement engagement = engagements.get(engagementId);
        List<AuditEntry> entries = auditTrail.of(EngagementService.AUDIT_TYPE, engagementId, ACTIONS.keySet());
        Set<String> running = processInstances.running(entries.stream().map(AuditEntry::getProcessInstanceId)
                .filter(Objects::nonNull).distinct().toList());
        TimelineDocuments.Finder document = documents.of(engagementId, entries);
        return new Timeline(engagementId, engagement.getName(), entries.stream()
                .map(entry -> new Timeline.Event(entry.getOccurredAt(), ACTIONS.get(entry.getAction()), entry.getAction(),
                        entry.getDetails(), entry.getActor(), entry.getProcessInstanceId(),
                        running.contains(entry.getProcessInstanceId()), document.documentOf(entry)))
                .toList());
    }

    static String csv(Timeline timeline) {
        return SpreadsheetCsv.write(List.of("at", "category", "action", "summary", "actor", "processInstanceId"), csv ->
                timeline.events().forEach(event -> csv.row(event.at(), event.category(), event.action(), event.summary(),
                        event.actor(), event.processInstanceId())));
    }

    private static Map<String, Category> actions() {
        Map<String, Category> actions = new LinkedHashMap<>();
        for (String action : List.of("REGISTERED", "ONBOARDING_STARTED", "ONBOARDING_COMPLETED", "ONBOARDING_OVERRUN",
                "PHASE_CHANGED", "TERM_STARTED")) {
            actions.put(action, Category.LIFECYCLE);
        }
        for (String action : List.of("REVIEW_STARTED", "AGENDA_PREPARED", "REVIEW_SCHEDULED", "REVIEW_RESCHEDULED",
                "REVIEW_RECORDED", "REVIEW_SIGNED_OFF", "REVIEW_RATED", "KICK_OFF_SCHEDULED")) {
            actions.put(action, Category.REVIEW);
        }
        for (String action : List.of("CHARTER_APPROVED", "CHARTER_REJECTED", "MINUTES_APPROVED", "MINUTES_REJECTED",
                "AMENDMENT_APPROVE", "AMENDMENT_REJECT", "EXIT_APPROVE", "EXIT_REJECT")) {
            actions.put(action, Category.SIGN_OFF);
        }
        for (String action : List.of("ESCALATION_RAISED", "ESCALATION_MOVED_UP", "ESCALATION_RESOLVED")) {
            actions.put(action, Category.ESCALATION);
        }
        for (String action : List.of("RENEWAL_REVIEW_OPENED", "RENEWAL_DECIDED", "RENEWAL_AMENDED", "EXIT_PLANNED",
                "HANDOVER_CONFIRMED")) {
            actions.put(action, Category.DECISION);
        }
        actions.put("ACTION_ITEM_OVERDUE", Category.ACTION);
        return Map.copyOf(actions);
    }
}
