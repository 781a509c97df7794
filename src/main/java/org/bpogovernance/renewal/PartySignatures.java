package org.bpogovernance.renewal;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.bpogovernance.audit.AuditTrail;
import org.bpogovernance.engagement.EngagementService;
import org.bpogovernance.engagement.Side;
import org.bpogovernance.engagement.StakeholderRole;
import org.bpogovernance.platform.ConflictException;
import org.bpogovernance.platform.InvalidInputException;

/** Both parties' signatures on an amendment or on the exit: who signs, once per round, and the outcome. */
final class PartySignatures {

    private PartySignatures() {
    }

    /**
     * Records the named signer's decision: only they decide, once per round; a refusal needs the
     * reason. The side comes from the signer's role (client representative or provider manager).
     */
    static PartySignOff sign(PartySignOffRepository signOffs, EngagementService engagements, Long engagementId,
            PartySignOff.Subject subject, int round, String signer, String by, String decision, String reason,
            Instant at, AuditTrail auditTrail) {
        if (!signer.equals(by)) {
            throw new InvalidInputException("signer", by + " cannot sign for " + signer + "; only the named signer decides");
        }
        Side side = signer.equals(engagements.holderOrNull(engagementId, StakeholderRole.CLIENT_REPRESENTATIVE))
                ? Side.CLIENT : Side.PROVIDER;
        PartySignOff.Decision parsed;
        try {
            parsed = PartySignOff.Decision.valueOf(decision == null ? "" : decision);
        } catch (IllegalArgumentException unknown) {
            throw new InvalidInputException(RenewalProcess.SIGN_OFF_DECISION, "must be APPROVE or REJECT");
        }
        if (parsed == PartySignOff.Decision.REJECT && (reason == null || reason.isBlank())) {
            throw new InvalidInputException(RenewalProcess.SIGN_OFF_REASON, "is required when refusing: say what must change");
        }
        if (reason != null && reason.length() > 2000) {
            throw new InvalidInputException(RenewalProcess.SIGN_OFF_REASON, "must be at most 2000 characters");
        }
        if (signOffs.existsByEngagementIdAndSubjectAndRoundAndSide(engagementId, subject, round, side)) {
            throw new ConflictException("the " + side.name().toLowerCase() + " side has signed this "
                    + subject.name().toLowerCase() + " already");
        }
        PartySignOff signOff = signOffs.save(new PartySignOff(engagementId, subject, round, side, signer, parsed,
                reason == null || reason.isBlank() ? null : reason.trim(), at));
        auditTrail.record(EngagementService.AUDIT_TYPE, engagementId, subject + "_" + parsed, side + " (" + signer
                + "), round " + round + (signOff.getReason() == null ? "" : ": " + signOff.getReason()));
        return signOff;
    }

    static boolean bothApproved(PartySignOffRepository signOffs, Long engagementId, PartySignOff.Subject subject, int round) {
        List<PartySignOff> thisRound = ofRound(signOffs, engagementId, subject, round);
        return thisRound.size() == 2 && thisRound.stream().allMatch(s -> s.getDecision() == PartySignOff.Decision.APPROVE);
    }

    static String rejections(PartySignOffRepository signOffs, Long engagementId, PartySignOff.Subject subject, int round) {
        return ofRound(signOffs, engagementId, subject, round).stream()
                .filter(s -> s.getDecision() == PartySignOff.Decision.REJECT)
                .map(s -> s.getSide() + " (" + s.getSigner() + "): " + s.getReason())
                .collect(Collectors.joining("\n"));
    }

    private static List<PartySignOff> ofRound(PartySignOffRepository signOffs, Long engagementId,
            PartySignOff.Subject subject, int round) {
        return signOffs.findByEngagementIdAndSubjectOrderByIdAsc(engagementId, subject).stream()
                .filter(s -> s.getRound() == round).toList();
    }
}
