package org.bpogovernance.engagement;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bpogovernance.audit.AuditTrail;
import org.bpogovernance.engagement.CharterSignOff.Decision;
import org.bpogovernance.platform.ConflictException;
import org.bpogovernance.platform.Documents;
import org.bpogovernance.platform.InvalidInputException.Violation;
import org.bpogovernance.platform.InvalidInputException;
import org.bpogovernance.platform.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The onboarding of an engagement, step by step as the engagement-onboarding process asks:
 * kick-off, ways of working, stakeholder map, and the charter both parties sign independently.
 */
@Service
public class OnboardingService {

    static final int KICK_OFF_MINUTES = 90;
    static final Set<String> MEETING_FORMATS = Set.of("ON_PREMISES", "REMOTE", "HYBRID");
    static final Set<String> CHANNELS = Set.of("EMAIL", "CHAT", "PHONE", "VIDEO", "TICKETING", "SHARED_WORKSPACE");
    static final Set<String> REPORTING_CADENCES = Set.of("WEEKLY", "MONTHLY", "QUARTERLY");

    /** Published when the kick-off is scheduled; the meeting and its invites follow from it. */
    public record KickOffScheduled(Long engagementId, LocalDateTime at, int minutes, String format, String location,
            String organizer) {
    }

    /** Published when both parties approved a round of the charter; notifications send it to everyone on the engagement. */
    public record CharterSigned(Long engagementId, int round) {
    }

    /** Published when onboarding passes its target date; notifications tell the officer and sponsors. */
    public record OnboardingOverran(Long engagementId, LocalDate targetDate, int notice) {
    }

    private final OnboardingRepository onboardings;
    private final CharterSignOffRepository signOffs;
    private final EngagementService engagements;
    private final OnboardingSettings settings;
    private final SignOffRounds rounds;
    private final CharterText charterText;
    private final CharterDocument charterDocument;
    private final AuditTrail auditTrail;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OnboardingService(OnboardingRepository onboardings, CharterSignOffRepository signOffs,
            EngagementService engagements, OnboardingSettings settings, SignOffRounds rounds, CharterText charterText,
            CharterDocument charterDocument, AuditTrail auditTrail, ApplicationEventPublisher events, Clock clock) {
        this.onboardings = onboardings;
        this.rounds = rounds;
        this.charterText = charterText;
        this.charterDocument = charterDocument;
        this.signOffs = signOffs;
        this.engagements = engagements;
        this.settings = settings;
        this.auditTrail = auditTrail;
        this.events = events;
        this.clock = clock;
    }

    /** Opens the onboarding record with its target date; idempotent for a process retry. */
    @Transactional
    public Onboarding begin(Long engagementId) {
        return onboardings.findByEngagementId(engagementId).orElseGet(() -> {
            Engagement engagement = engagements.forProcess(engagementId);
            LocalDate target = LocalDate.now(clock.withZone(engagement.zone())).plusDays(settings.targetDuration().toDays());
            auditTrail.record(EngagementService.AUDIT_TYPE, engagementId, "ONBOARDING_STARTED", "target date " + target);
            return onboardings.save(new Onboarding(engagementId, target));
        });
    }

    /** The overrun timer: first notice on the target date, then at the configured interval. */
    @Transactional(readOnly = true)
    public String overrunTimerCycle(Long engagementId) {
        Onboarding onboarding = of(engagementId);
        ZoneId zone = engagements.forProcess(engagementId).zone();
        return "R" + settings.overrunNotices() + "/"
                + onboarding.getTargetDate().atTime(LocalTime.of(9, 0)).atZone(zone).toOffsetDateTime() + "/"
                + settings.overrunReminderInterval();
    }

    @Transactional
    public void scheduleKickOff(Long engagementId, LocalDate date, LocalTime time, String format, String location) {
        List<Violation> violations = new ArrayList<>();
        Engagement engagement = engagements.forProcess(engagementId);
        if (date == null) {
            violations.add(new Violation("kickOffDate", "is required"));
        } else if (date.isBefore(LocalDate.now(clock.withZone(engagement.zone())))) {
            violations.add(new Violation("kickOffDate", "must not be in the past"));
        }
        if (time == null) {
            violations.add(new Violation("kickOffTime", "is required (hh:mm)"));
        }
        if (format == null || !MEETING_FORMATS.contains(format)) {
            violations.add(new Violation("kickOffFormat", "must be one of " + MEETING_FORMATS));
        } else if (!"REMOTE".equals(format) && isBlank(location) && isBlank(engagement.getSiteAddress())) {
            violations.add(new Violation("kickOffLocation", "is required for a meeting on premises"));
        }
        throwIfAny(violations);
        String where = isBlank(location) ? ("REMOTE".equals(format) ? engagement.getRemoteMeetingLink()
                : engagement.getSiteAddress()) : location.trim();
        LocalDateTime at = LocalDateTime.of(date, time);
        of(engagementId).scheduleKickOff(at, format, where);
        events.publishEvent(new KickOffScheduled(engagementId, at, KICK_OFF_MINUTES, format, where,
                engagements.holderOrNull(engagementId, StakeholderRole.GOVERNANCE_OFFICER)));
        auditTrail.record(EngagementService.AUDIT_TYPE, engagementId, "KICK_OFF_SCHEDULED",
                at + " " + engagement.getTimeZone() + ", " + format + (where == null ? "" : ", " + where));
    }

    /** The ways of working, agreed or changed in a rework. */
    public record WaysOfWorking(List<String> channels, String reportingCadence, String escalationProtocol,
            String metricsNote) {
    }

    @Transactional
    public void agreeWaysOfWorking(Long engagementId, List<String> channels, String reportingCadence,
            String escalationProtocol, String metricsNote) {
        WaysOfWorking agreed = new WaysOfWorking(channels, reportingCadence, escalationProtocol, metricsNote);
        List<Violation> violations = new ArrayList<>();
        checkWaysOfWorking(agreed, violations);
        throwIfAny(violations);
        apply(engagementId, agreed, "WAYS_OF_WORKING_AGREED");
    }

    private void apply(Long engagementId, WaysOfWorking agreed, String auditAction) {
        of(engagementId).agreeWaysOfWorking(String.join(",", agreed.channels()), agreed.reportingCadence(),
                agreed.escalationProtocol().trim(), isBlank(agreed.metricsNote()) ? null : agreed.metricsNote().trim());
        auditTrail.record(EngagementService.AUDIT_TYPE, engagementId, auditAction,
                "channels " + agreed.channels() + ", reporting " + agreed.reportingCadence());
    }

    private static void checkWaysOfWorking(WaysOfWorking agreed, List<Violation> violations) {
        List<String> channels = agreed.channels();
        String reportingCadence = agreed.reportingCadence();
        String escalationProtocol = agreed.escalationProtocol();
        String metricsNote = agreed.metricsNote();
        if (channels == null || channels.isEmpty()) {
            violations.add(new Violation("communicationChannels", "needs at least one channel"));
        } else if (!CHANNELS.containsAll(channels)) {
            violations.add(new Violation("communicationChannels", "may only contain " + CHANNELS));
        }
        if (reportingCadence == null || !REPORTING_CADENCES.contains(reportingCadence)) {
            violations.add(new Violation("reportingCadence", "must be one of " + REPORTING_CADENCES));
        }
        if (isBlank(escalationProtocol)) {
            violations.add(new Violation("escalationProtocol", "is required: who is called first, and when"));
        } else if (escalationProtocol.length() > 2000) {
            violations.add(new Violation("escalationProtocol", "must be at most 2000 characters"));
        }
        if (metricsNote != null && metricsNote.length() > 2000) {
            violations.add(new Violation("metricsNote", "must be at most 2000 characters"));
        }
    }

    /** The ways of working as agreed so far, for the rework form to start from. */
    @Transactional(readOnly = true)
    public WaysOfWorking waysOfWorking(Long engagementId) {
        Onboarding onboarding = of(engagementId);
        return new WaysOfWorking(onboarding.getCommunicationChannels() == null ? List.of()
                : List.of(onboarding.getCommunicationChannels().split(",")), onboarding.getReportingCadence(),
                onboarding.getEscalationProtocol(), onboarding.getMetricsNote());
    }

    @Transactional
    public void confirmStakeholderMap(Long engagementId, Boolean confirmed, String by) {
        if (!Boolean.TRUE.equals(confirmed)) {
            throw new InvalidInputException("stakeholderMapConfirmed", "must be ticked: the stakeholder map is confirmed");
        }
        List<Stakeholder> map = engagements.stakeholdersForProcess(engagementId);
        for (StakeholderRole signer : List.of(StakeholderRole.CLIENT_REPRESENTATIVE, StakeholderRole.PROVIDER_MANAGER)) {
            if (map.stream().noneMatch(s -> s.getRole() == signer)) {
                throw new InvalidInputException("stakeholders", "the map has no " + signer + " to sign the charter");
            }
        }
        of(engagementId).confirmStakeholderMap(by, Instant.now(clock));
        auditTrail.record(EngagementService.AUDIT_TYPE, engagementId, "STAKEHOLDER_MAP_CONFIRMED", map.toString());
    }

    public record Signers(String client, String provider) {
    }

    /** Starts a signing round; the signers are the named client representative and provider manager. */
    @Transactional
    public Signers openCharterRound(Long engagementId) {
        int round = of(engagementId).openCharterRound(charterText(engagementId));
        Signers signers = new Signers(engagements.holderOf(engagementId, StakeholderRole.CLIENT_REPRESENTATIVE),
                engagements.holderOf(engagementId, StakeholderRole.PROVIDER_MANAGER));
        auditTrail.record(EngagementService.AUDIT_TYPE, engagementId, "CHARTER_SENT_FOR_SIGNATURE",
                "round " + round + " to " + signers.client() + " and " + signers.provider());
        return signers;
    }

    /** Records one party's decision; only the named signer may give it, once per round. */
    @Transactional
    public CharterSignOff decideCharter(Long engagementId, Side side, String signer, String decision, String reason) {
        StakeholderRole role = side == Side.CLIENT ? StakeholderRole.CLIENT_REPRESENTATIVE : StakeholderRole.PROVIDER_MANAGER;
        String namedSigner = engagements.holderOf(engagementId, role);
        if (!namedSigner.equals(signer)) {
            throw new InvalidInputException("signer", signer + " is not the named signer for the " + side
                    + " side; only " + namedSigner + " may sign");
        }
        Decision parsed;
        try {
            parsed = Decision.valueOf(decision == null ? "" : decision);
        } catch (IllegalArgumentException unknown) {
            throw new InvalidInputException("charterDecision", "must be APPROVE or REJECT");
        }
        if (parsed == Decision.REJECT && isBlank(reason)) {
            throw new InvalidInputException("charterRejectionReason", "is required when rejecting the charter");
        }
        int round = of(engagementId).getCharterRound();
        if (signOffs.findByEngagementIdAndRound(engagementId, round).stream().anyMatch(s -> s.getSide() == side)) {
            throw new ConflictException("the " + side + " side has already decided on round " + round + " of the charter");
        }
        CharterSignOff signOff = signOffs.saveAndFlush(new CharterSignOff(engagementId, round, side, signer, parsed,
                isBlank(reason) ? null : reason.trim(), Instant.now(clock)));
        auditTrail.record(EngagementService.AUDIT_TYPE, engagementId, "CHARTER_" + parsed + "D",
                side + " by " + signer + ", round " + round + (signOff.getReason() == null ? "" : ": " + signOff.getReason()));
        return signOff;
    }

    /** Whether both approved the charter's round; a rejected round counts towards the sign-off's limit. */
    @Transactional
    public boolean charterApprovedByBoth(Long engagementId) {
        int number = of(engagementId).getCharterRound();
        List<CharterSignOff> round = signOffs.findByEngagementIdAndRound(engagementId, number);
        boolean approved = round.size() == 2 && round.stream().allMatch(s -> s.getDecision() == Decision.APPROVE);
        if (approved) {
            events.publishEvent(new CharterSigned(engagementId, number));
        } else {
            rounds.rejected(engagementId, charterDispute(engagementId), number,
                    "The onboarding charter of " + engagements.forProcess(engagementId).getName());
        }
        return approved;
    }

    private static String charterDispute(Long engagementId) {
        return "charter:" + engagementId;
    }

    /** The rejections of the last round, as the officer reads them in the rework form. */
    @Transactional(readOnly = true)
    public String rejectionsOfLastRound(Long engagementId) {
        return signOffs.findByEngagementIdAndRound(engagementId, of(engagementId).getCharterRound()).stream()
                .filter(s -> s.getDecision() == Decision.REJECT)
                .map(s -> s.getSide() + " (" + s.getSigner() + "): " + s.getReason())
                .collect(Collectors.joining("\n"));
    }

    /**
     * The officer's rework: what changed, and the ways of working as they now stand (null: left as
     * they were). The term, tiers and stakeholders change on the engagement itself, the metrics under
     * service levels; the next round's charter shows whatever changed.
     */
    @Transactional
    public void recordRework(Long engagementId, String note, WaysOfWorking changed) {
        List<Violation> violations = new ArrayList<>();
        if (isBlank(note)) {
            violations.add(new Violation("reworkNote", "is required: say what changed in the charter"));
        } else if (note.length() > 2000) {
            violations.add(new Violation("reworkNote", "must be at most 2000 characters"));
        }
        if (changed != null) {
            checkWaysOfWorking(changed, violations);
        }
        throwIfAny(violations);
        rounds.opening(engagementId, charterDispute(engagementId), of(engagementId).getCharterRound() + 1);
        if (changed != null && !changed.equals(waysOfWorking(engagementId))) {
            apply(engagementId, changed, "WAYS_OF_WORKING_CHANGED");
        }
        auditTrail.record(EngagementService.AUDIT_TYPE, engagementId, "CHARTER_REWORKED", note.trim());
    }

    /** What changed in the charter since the round before, for the signers; null in the first round. */
    @Transactional(readOnly = true)
    public String charterChanges(Long engagementId) {
        return of(engagementId).getCharterChanges();
    }

    /** The charter as both parties sign it: the engagement's terms and what onboarding agreed. */
    @Transactional(readOnly = true)
    public String charterText(Long engagementId) {
        return charterText.of(engagements.forProcess(engagementId), of(engagementId),
                engagements.stakeholdersForProcess(engagementId));
    }

    /** The charter as a document, for whoever may see the engagement. */
    @Transactional(readOnly = true)
    public Documents.Page charterDocument(Long engagementId) {
        return charterDocumentForProcess(engagements.get(engagementId).getId());
    }

    /** The charter as a document, for process steps and the mail that sends it signed. */
    @Transactional(readOnly = true)
    public Documents.Page charterDocumentForProcess(Long engagementId) {
        Onboarding onboarding = of(engagementId);
        return charterDocument.page(engagements.forProcess(engagementId), onboarding,
                onboarding.getCharterSent() != null ? onboarding.getCharterSent() : charterText(engagementId),
                signOffs.findByEngagementIdOrderByIdAsc(engagementId));
    }

    /** The file name of the charter document, without extension. */
    @Transactional(readOnly = true)
    public String charterFileName(Long engagementId) {
        return CharterDocument.fileName(engagements.forProcess(engagementId));
    }

    @Transactional(readOnly = true)
    public String stakeholderMapText(Long engagementId) {
        return engagements.stakeholdersForProcess(engagementId).stream().map(Stakeholder::toString)
                .collect(Collectors.joining("\n"));
    }

    /** When operations begin: the kick-off held and the term's first day come, whichever is later. */
    @Transactional(readOnly = true)
    public OffsetDateTime operationsBeginAt(Long engagementId) {
        Engagement engagement = engagements.forProcess(engagementId);
        ZoneId zone = ZoneId.of(engagement.getTimeZone());
        ZonedDateTime termBegins = engagement.getTermStart().atStartOfDay(zone);
        LocalDateTime kickOff = of(engagementId).getKickOffAt();
        ZonedDateTime later = kickOff != null && kickOff.atZone(zone).isAfter(termBegins) ? kickOff.atZone(zone) : termBegins;
        return later.toOffsetDateTime();
    }

    @Transactional
    public void complete(Long engagementId) {
        of(engagementId).complete(Instant.now(clock));
        auditTrail.record(EngagementService.AUDIT_TYPE, engagementId, "ONBOARDING_COMPLETED", "charter signed by both parties");
    }

    @Transactional
    public void recordOverrun(Long engagementId) {
        Onboarding onboarding = of(engagementId);
        int notice = onboarding.countOverrunNotice();
        auditTrail.record(EngagementService.AUDIT_TYPE, engagementId, "ONBOARDING_OVERRUN",
                "target date " + onboarding.getTargetDate() + " passed; notice " + notice);
        events.publishEvent(new OnboardingOverran(engagementId, onboarding.getTargetDate(), notice));
    }

    @Transactional(readOnly = true)
    public Onboarding get(Long engagementId) {
        engagements.get(engagementId);
        return of(engagementId);
    }

    @Transactional(readOnly = true)
    public List<CharterSignOff> signOffs(Long engagementId) {
        engagements.get(engagementId);
        return signOffs.findByEngagementIdOrderByIdAsc(engagementId);
    }

    private Onboarding of(Long engagementId) {
        return onboardings.findByEngagementId(engagementId)
                .orElseThrow(() -> new NotFoundException("onboarding of engagement", engagementId));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static void throwIfAny(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }
}
