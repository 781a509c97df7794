package org.bpogovernance.reporting;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bpogovernance.audit.AuditEntry;
import org.bpogovernance.audit.AuditTrail;
import org.bpogovernance.engagement.Engagement;
import org.bpogovernance.engagement.EngagementService;
import org.bpogovernance.platform.PeopleDates;
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
                        inWords(entry.getAction()), inWords(entry.getDetails(), engagement.zone()), entry.getActor(),
                        entry.getProcessInstanceId(), running.contains(entry.getProcessInstanceId()),
                        document.documentOf(entry)))
                .toList());
    }

    static String csv(Timeline timeline) {
        return SpreadsheetCsv.write(List.of("at", "category", "action", "title", "summary", "actor", "processInstanceId"),
                csv -> timeline.events().forEach(event -> csv.row(event.at(), event.category(), event.action(), event.title(),
                        event.summary(), event.actor(), event.processInstanceId())));
    }

    private static final Map<String, String> CODES = Map.of("KPI_BREACH", "service-level breach",
            "REPEATED_WARNINGS", "repeated warnings", "OVERDUE_ACTION", "overdue action item", "MANUAL", "raised by hand",
            "SIGN_OFF_DISPUTE", "sign-off dispute", "REJECTED_SIGN_OFF", "rejected sign-off", "sign_off", "sign-off",
            "ON_PREMISES", "on premises");
    private static final Pattern SEVERITY = Pattern.compile("\\((LOW|MEDIUM|HIGH|CRITICAL)\\)");
    private static final Pattern PHASE_CHANGE = Pattern.compile("\\b([A-Z][A-Z_]+) -> ([A-Z][A-Z_]+)\\b");
    private static final Pattern LOCAL_TIME = Pattern.compile(
            "\\b(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)(?: [A-Za-z_]+/[A-Za-z_]+)?");
    private static final Pattern CODE = Pattern.compile("\\b([A-Z]{2,}(?:_[A-Z]+)+|[a-z]+(?:_[a-z]+)+|MANUAL|HYBRID|REMOTE)\\b");

    /** An action code as a heading: {@code PHASE_CHANGED} → "Phase changed". */
    static String inWords(String action) {
        String words = action.replace('_', ' ').toLowerCase(java.util.Locale.ROOT).trim();
        return words.isEmpty() ? action : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /**
     * A recorded detail as people read it: phases and other codes in words ("from onboarding to
     * operational", "a service-level breach"), local times in the engagement's zone as people write them.
     */
    static String inWords(String details, java.time.ZoneId zone) {
        if (details == null) {
            return null;
        }
        String text = PHASE_CHANGE.matcher(details).replaceAll(change -> "from " + change.group(1).toLowerCase(java.util.Locale.ROOT)
                .replace('_', ' ') + " to " + change.group(2).toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        text = LOCAL_TIME.matcher(text).replaceAll(time -> Matcher.quoteReplacement(
                PeopleDates.dayAndTime(java.time.LocalDateTime.parse(time.group(1)).atZone(zone))));
        text = SEVERITY.matcher(text).replaceAll(severity -> "(" + severity.group(1).toLowerCase(java.util.Locale.ROOT)
                + " severity)");
        return CODE.matcher(text).replaceAll(code -> Matcher.quoteReplacement(CODES.getOrDefault(code.group(1),
                code.group(1).toLowerCase(java.util.Locale.ROOT).replace('_', ' '))));
    }

    private static Map<String, Category> actions() {
        Map<String, Category> actions = new LinkedHashMap<>();
        for (String action : List.of("REGISTERED", "ONBOARDING_STARTED", "ONBOARDING_COMPLETED", "ONBOARDING_OVERRUN",
                "PHASE_CHANGED", "TERM_STARTED", "PROCESS_MIGRATED")) {
            actions.put(action, Category.LIFECYCLE);
        }
        for (String action : List.of("REVIEW_STARTED", "AGENDA_PREPARED", "REVIEW_SCHEDULED", "REVIEW_RESCHEDULED",
                "REVIEW_RECORDED", "REVIEW_SIGNED_OFF", "REVIEW_RATED", "KICK_OFF_SCHEDULED", "REVIEW_POLL_OPENED",
                "REVIEW_POLL_CLOSED", "REVIEW_POLL_PICKED", "REVIEW_VISITORS_REGISTERED")) {
            actions.put(action, Category.REVIEW);
        }
        for (String action : List.of("CHARTER_APPROVED", "CHARTER_REJECTED", "MINUTES_APPROVED", "MINUTES_REJECTED",
                "AMENDMENT_APPROVE", "AMENDMENT_REJECT", "EXIT_APPROVE", "EXIT_REJECT")) {
            actions.put(action, Category.SIGN_OFF);
        }
        for (String action : List.of("ESCALATION_RAISED", "ESCALATION_ROUTED", "ESCALATION_MOVED_UP", "ESCALATION_RESOLVED")) {
            actions.put(action, Category.ESCALATION);
        }
        for (String action : List.of("RENEWAL_REVIEW_OPENED", "RENEWAL_DECIDED", "RENEWAL_AMENDED", "EXIT_PLANNED",
                "HANDOVER_CONFIRMED")) {
            actions.put(action, Category.DECISION);
        }
        actions.put("ACTION_ITEM_OVERDUE", Category.ACTION);
        for (String action : List.of("INITIATIVE_PROPOSED", "INITIATIVE_APPROVED", "INITIATIVE_PARKED", "INITIATIVE_REJECTED",
                "INITIATIVE_ADOPTED", "INITIATIVE_DROPPED")) {
            actions.put(action, Category.IMPROVEMENT);
        }
        for (String action : List.of("RELATIONSHIP_SURVEY_OPENED", "RELATIONSHIP_SURVEY_CLOSED", "RELATIONSHIP_AT_RISK")) {
            actions.put(action, Category.PARTNERSHIP);
        }
        return Map.copyOf(actions);
    }
}
