package org.bpogovernance.escalation;

import static org.bpogovernance.engagement.EngagementVariables.ENGAGEMENT_ID;
import static org.bpogovernance.engagement.EngagementVariables.ENGAGEMENT_NAME;
import static org.bpogovernance.engagement.EngagementVariables.GOVERNANCE_OFFICER;

import java.util.List;
import java.util.Set;
import org.bpogovernance.audit.AuditTrail;
import org.bpogovernance.engagement.Engagement;
import org.bpogovernance.engagement.EngagementService;
import org.bpogovernance.engagement.StakeholderRole;
import org.bpogovernance.platform.InvalidInputException;
import org.bpogovernance.servicelevel.ServiceLevelBreached;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Raises escalations (one per cause) and records how they were resolved. */
@Service
public class EscalationService {

    static final Set<String> RESOLUTIONS = Set.of("RESOLVED", "ACCEPTED_RISK", "CONTRACT_ACTION");
    public static final String REJECTED_SIGN_OFF = "REJECTED_SIGN_OFF";

    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final EngagementService engagements;
    private final AuditTrail auditTrail;

    EscalationService(RuntimeService runtimeService, HistoryService historyService, EngagementService engagements,
            AuditTrail auditTrail) {
        this.runtimeService = runtimeService;
        this.historyService = historyService;
        this.engagements = engagements;
        this.auditTrail = auditTrail;
    }

    /** A breach or repeated warnings: escalate, once per metric and period. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(ServiceLevelBreached breach) {
        String cause = "kpi:" + breach.engagementId() + ":" + breach.metricCode() + ":" + breach.period();
        String subject = breach.metricName() + " (" + breach.metricCode() + ") "
                + (ServiceLevelBreached.KPI_BREACH.equals(breach.trigger()) ? "breached its threshold"
                        : "warned three periods in a row") + " in " + breach.period();
        raise(breach.engagementId(), cause, breach.trigger(), breach.severity(), subject);
    }

    /** A signer rejected review minutes and chose to escalate: once per review and sign-off round. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void raiseForRejectedSignOff(Long engagementId, Long reviewId, int round, String subject) {
        raise(engagementId, "review:" + reviewId + ":" + round, REJECTED_SIGN_OFF, "MEDIUM", subject);
    }

    /** What the engagement's open escalations are about, for the next agenda. */
    @Transactional(readOnly = true)
    public List<String> openSubjects(Long engagementId) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(EscalationProcess.KEY)
                .variableValueEquals(ENGAGEMENT_ID.name(), engagementId).active().list().stream()
                .map(instance -> (String) runtimeService.getVariable(instance.getId(), EscalationProcess.SUBJECT.name()))
                .filter(java.util.Objects::nonNull).toList();
    }

    private void raise(Long engagementId, String cause, String trigger, String severity, String subject) {
        boolean raisedBefore = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(EscalationProcess.KEY)
                .processInstanceBusinessKey(cause).count() > 0;
        if (raisedBefore) {
            return;
        }
        Engagement engagement = engagements.forProcess(engagementId);
        runtimeService.createProcessInstanceByKey(EscalationProcess.KEY)
                .businessKey(cause)
                .setVariable(ENGAGEMENT_ID.name(), engagementId)
                .setVariable(ENGAGEMENT_NAME.name(), engagement.getName())
                .setVariable(GOVERNANCE_OFFICER.name(), engagements.holderOrNull(engagementId, StakeholderRole.GOVERNANCE_OFFICER))
                .setVariable(EscalationProcess.TRIGGER.name(), trigger)
                .setVariable(EscalationProcess.SEVERITY.name(), severity)
                .setVariable(EscalationProcess.SUBJECT.name(), subject)
                .execute();
        auditTrail.record(EngagementService.AUDIT_TYPE, engagementId, "ESCALATION_RAISED",
                trigger + " (" + severity + "): " + subject);
    }

    @Transactional
    public void resolve(Long engagementId, String subject, String resolution, String note) {
        if (resolution == null || !RESOLUTIONS.contains(resolution)) {
            throw new InvalidInputException(EscalationProcess.RESOLUTION, "must be one of " + RESOLUTIONS);
        }
        if (note == null || note.isBlank()) {
            throw new InvalidInputException(EscalationProcess.NOTE, "is required: what was decided");
        }
        auditTrail.record(EngagementService.AUDIT_TYPE, engagementId, "ESCALATION_RESOLVED",
                resolution + " — " + subject + ": " + note.trim());
    }
}
