package org.bpogovernance.renewal;

import java.time.Clock;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Set;
import org.bpogovernance.audit.AuditTrail;
import org.bpogovernance.engagement.Engagement;
import org.bpogovernance.engagement.EngagementService;
import org.bpogovernance.platform.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** When the renewal window opens, and what the steering committee decided. */
@Service
public class RenewalService {

    static final Set<String> DECISIONS = Set.of("RENEW", "EXIT");

    private final EngagementService engagements;
    private final RenewalSettings settings;
    private final AuditTrail auditTrail;
    private final Clock clock;

    RenewalService(EngagementService engagements, RenewalSettings settings, AuditTrail auditTrail, Clock clock) {
        this.engagements = engagements;
        this.settings = settings;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    /** The first renewal alert: the longest lead time before the notice date, 09:00 local time; now if that has passed. */
    @Transactional(readOnly = true)
    public OffsetDateTime renewalWindowOpensAt(Long engagementId) {
        Engagement engagement = engagements.forProcess(engagementId);
        OffsetDateTime opens = engagement.noticeDate().minusDays(settings.longestLeadDays())
                .atTime(LocalTime.of(9, 0)).atZone(engagement.zone()).toOffsetDateTime();
        OffsetDateTime now = OffsetDateTime.now(clock);
        return opens.isBefore(now) ? now : opens;
    }

    @Transactional
    public void recordDecision(Long engagementId, String decision, String rationale) {
        if (decision == null || !DECISIONS.contains(decision)) {
            throw new InvalidInputException(RenewalProcess.RENEWAL_DECISION.name(), "must be one of " + DECISIONS);
        }
        if (rationale == null || rationale.isBlank()) {
            throw new InvalidInputException(RenewalProcess.RENEWAL_RATIONALE, "is required: say why");
        }
        auditTrail.record(EngagementService.AUDIT_TYPE, engagementId, "RENEWAL_DECIDED", decision + ": " + rationale.trim());
    }

    @Transactional
    public void confirmHandover(Long engagementId, Boolean confirmed) {
        if (!Boolean.TRUE.equals(confirmed)) {
            throw new InvalidInputException(RenewalProcess.HANDOVER_CONFIRMED, "must be ticked: the service is handed over");
        }
        auditTrail.record(EngagementService.AUDIT_TYPE, engagementId, "HANDOVER_CONFIRMED", "service handed over");
    }
}
