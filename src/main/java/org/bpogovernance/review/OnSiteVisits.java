package org.bpogovernance.review;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.bpogovernance.audit.AuditTrail;
import org.bpogovernance.engagement.Engagement;
import org.bpogovernance.engagement.EngagementService;
import org.bpogovernance.engagement.Side;
import org.bpogovernance.engagement.Stakeholder;
import org.bpogovernance.engagement.StakeholderRole;
import org.bpogovernance.platform.InvalidInputException.Violation;
import org.bpogovernance.platform.PeopleDates;
import org.bpogovernance.security.UserDirectory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Review calls that meet on site (on premises or hybrid): a host among the engagement's people,
 * what visitors need to know to get there (in everyone's invite), a visit of the operations on
 * the agenda when the officer keeps it, the host's registration of the visitors with the site's
 * reception, and the travel time and cost each person records with the call.
 */
@Service
public class OnSiteVisits {

    /** The agenda item of a visit of the operations, led by the host. */
    static final String OPERATIONS_VISIT = "Visit of the operations: seeing the work first-hand";
    static final int OPERATIONS_VISIT_MINUTES = 30;
    static final int MAX_INSTRUCTIONS = 2000;
    static final Set<String> ON_SITE_FORMATS = Set.of("ON_PREMISES", "HYBRID");

    /** What the officer says of an on-site call when scheduling it. */
    public record OnSite(String host, String instructions, boolean operationsVisit) {

        static final OnSite NONE = new OnSite(null, null, false);
    }

    /** One person's travel to an on-site call: hours there and back, and its cost (in the contract's currency). */
    public record TravelLine(String user, BigDecimal hours, BigDecimal cost) {
    }

    /** The travel of a term's on-site calls. */
    public record Travel(int onSiteCalls, BigDecimal hours, BigDecimal cost) {
    }

    private final ReviewRepository reviews;
    private final AgendaItemRepository agendaItems;
    private final AttendanceRepository attendances;
    private final TravelRepository travel;
    private final EngagementService engagements;
    private final MeetingService meetings;
    private final UserDirectory users;
    private final AuditTrail auditTrail;
    private final java.time.Clock clock;

    OnSiteVisits(ReviewRepository reviews, AgendaItemRepository agendaItems, AttendanceRepository attendances,
            TravelRepository travel, EngagementService engagements, MeetingService meetings, UserDirectory users,
            AuditTrail auditTrail, java.time.Clock clock) {
        this.reviews = reviews;
        this.agendaItems = agendaItems;
        this.attendances = attendances;
        this.travel = travel;
        this.engagements = engagements;
        this.meetings = meetings;
        this.users = users;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    static boolean onSite(String format) {
        return format != null && ON_SITE_FORMATS.contains(format);
    }

    /** The host the schedule form suggests: the provider manager, whose operations are visited. */
    String suggestedHost(Long engagementId) {
        return engagements.holderOrNull(engagementId, StakeholderRole.PROVIDER_MANAGER);
    }

    /** The instructions the form suggests: those of the engagement's last on-site call, if any. */
    String suggestedInstructions(Long engagementId) {
        return reviews.findFirstByEngagementIdAndVisitInstructionsIsNotNullOrderByIdDesc(engagementId)
                .map(Review::getVisitInstructions).orElse(null);
    }

    /** Minutes the visit adds to the agenda, when it is kept on an on-site call. */
    static int addedMinutes(String format, OnSite onSite) {
        return onSite(format) && onSite.operationsVisit() ? OPERATIONS_VISIT_MINUTES : 0;
    }

    /** What is wrong with the on-site details: a host who is not on the engagement, instructions too long. */
    List<Violation> violations(Long engagementId, String format, OnSite onSite) {
        List<Violation> violations = new ArrayList<>();
        if (!onSite(format)) {
            return violations;
        }
        if (onSite.host() != null && engagements.stakeholdersForProcess(engagementId).stream()
                .noneMatch(stakeholder -> stakeholder.getUserId().equals(onSite.host()))) {
            violations.add(new Violation(ReviewCallProcess.CALL_HOST, onSite.host() + " is not on the engagement; the host "
                    + "is one of its people"));
        }
        if (onSite.instructions() != null && onSite.instructions().length() > MAX_INSTRUCTIONS) {
            violations.add(new Violation(ReviewCallProcess.CALL_TRAVEL, "must be at most " + MAX_INSTRUCTIONS + " characters"));
        }
        return violations;
    }

    /**
     * Arranges the call as scheduled: on site, its host (the provider manager unless another is
     * named), its instructions and, when kept, the visit of the operations at the end of the
     * agenda; otherwise none of these. Returns the host, or null.
     */
    String arrange(Review review, String format, OnSite onSite) {
        if (!onSite(format)) {
            review.hostedBy(null, null);
            return null;
        }
        String host = onSite.host() != null ? onSite.host() : suggestedHost(review.getEngagementId());
        review.hostedBy(host, blankToNull(onSite.instructions()));
        List<AgendaItem> agenda = agendaItems.findByReviewIdOrderByPositionAsc(review.getId());
        if (onSite.operationsVisit() && agenda.stream().noneMatch(item -> OPERATIONS_VISIT.equals(item.getTitle()))) {
            agendaItems.save(new AgendaItem(review.getId(), agenda.size() + 1, OPERATIONS_VISIT, host,
                    OPERATIONS_VISIT_MINUTES, AgendaItem.Source.OFFICER));
        }
        return host;
    }

    /** The lines of the invite about the site: where, who hosts, what visitors need to know. */
    String inviteLines(Review review) {
        if (review.getVisitHost() == null) {
            return "";
        }
        return "\nOn site, hosted by " + name(review.getVisitHost()) + ", who registers the visitors with the reception.\n"
                + (review.getVisitInstructions() == null ? "" : "For visitors: " + review.getVisitInstructions() + "\n");
    }

    /**
     * Who the host registers: everyone who confirmed and is not of the host's side, and the
     * organising officer; each with their company and the arrival time (15 minutes before the call).
     */
    @Transactional(readOnly = true)
    public String visitors(Long reviewId) {
        Review review = reviews.findById(reviewId).orElseThrow();
        Engagement engagement = engagements.forProcess(review.getEngagementId());
        Meeting meeting = meetings.forProcess(engagement.getId(), review.getMeetingId());
        Map<String, Side> sides = new HashMap<>();
        for (Stakeholder stakeholder : engagements.stakeholdersForProcess(engagement.getId())) {
            sides.putIfAbsent(stakeholder.getUserId(), stakeholder.getSide());
        }
        Side hostSide = sides.get(review.getVisitHost());
        List<String> visitors = new ArrayList<>(attendances.findByReviewIdOrderByIdAsc(reviewId).stream()
                .filter(a -> a.getResponse() == Attendance.Response.CONFIRMED).map(Attendance::getUserId).toList());
        String officer = engagements.holderOrNull(engagement.getId(), StakeholderRole.GOVERNANCE_OFFICER);
        if (officer != null && !visitors.contains(officer)) {
            visitors.add(officer);
        }
        ZonedDateTime arrival = meeting.start().minusMinutes(15);
        return visitors.stream().filter(user -> !user.equals(review.getVisitHost()))
                .filter(user -> hostSide == null || sides.get(user) != hostSide)
                .map(user -> name(user) + " | " + company(engagement, sides.get(user)) + " | arrives "
                        + PeopleDates.dayAndTime(arrival))
                .collect(Collectors.joining("\n"));
    }

    /**
     * When the host's registration is due: a day before the call, or, for a call set later than
     * that, two hours from now (never after the call starts).
     */
    public java.util.Date registrationDue(String callStartsAt) {
        Instant start = java.time.OffsetDateTime.parse(callStartsAt).toInstant();
        Instant due = start.minus(java.time.Duration.ofDays(1));
        Instant soonest = clock.instant().plus(java.time.Duration.ofHours(2));
        return java.util.Date.from(due.isAfter(soonest) ? due : soonest.isBefore(start) ? soonest : start);
    }

    /** The host registered the visitors with the reception. */
    @Transactional
    public void registered(Long reviewId, String by, String note) {
        Review review = reviews.findById(reviewId).orElseThrow();
        review.visitorsRegistered(blankToNull(note), Instant.now(clock));
        reviews.save(review);
        auditTrail.record(EngagementService.AUDIT_TYPE, review.getEngagementId(), "REVIEW_VISITORS_REGISTERED",
                review.title() + ": visitors registered with the reception by " + by
                        + (review.getVisitorsNote() == null ? "" : " (" + review.getVisitorsNote() + ")"));
    }

    /** What is wrong with the travel lines of a recorded call: a person not invited, hours or cost out of range, travel to a remote call. */
    List<Violation> travelViolations(Review review, String format, List<TravelLine> lines, Set<String> invited) {
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            TravelLine line = lines.get(i);
            String path = ReviewCallProcess.TRAVEL + "[" + i + "]";
            if (!onSite(format)) {
                violations.add(new Violation(path, "the call was remote: nobody travelled to it"));
                continue;
            }
            if (line.user() == null || !invited.contains(line.user())) {
                violations.add(new Violation(path + ".user", line.user() + " was not invited to this call"));
            }
            if (line.hours() == null || line.hours().signum() < 0 || line.hours().compareTo(BigDecimal.valueOf(72)) > 0) {
                violations.add(new Violation(path + ".hours", "must be between 0 and 72"));
            }
            if (line.cost() == null || line.cost().signum() < 0 || line.cost().compareTo(BigDecimal.valueOf(1_000_000)) >= 0) {
                violations.add(new Violation(path + ".cost", "must be 0 or more (and under a million)"));
            }
        }
        if (lines.stream().map(TravelLine::user).distinct().count() < lines.size()) {
            violations.add(new Violation(ReviewCallProcess.TRAVEL, "names a person twice; one line per person"));
        }
        return violations;
    }

    void recordTravel(Review review, List<TravelLine> lines) {
        for (TravelLine line : lines) {
            travel.save(new TravelEntry(review.getId(), line.user(), line.hours(), line.cost()));
        }
    }

    List<TravelEntry> travelOf(Long reviewId) {
        return travel.findByReviewIdOrderByIdAsc(reviewId);
    }

    /** The on-site calls held in the period (by the day they were held) and their recorded travel. */
    @Transactional(readOnly = true)
    public Travel travelBetween(Long engagementId, LocalDate from, LocalDate to) {
        int calls = 0;
        BigDecimal hours = BigDecimal.ZERO;
        BigDecimal cost = BigDecimal.ZERO;
        for (Review review : reviews.findByEngagementIdOrderByIdAsc(engagementId)) {
            if (review.getRecordedAt() == null || review.getMeetingId() == null) {
                continue;
            }
            Meeting meeting = meetings.forProcess(engagementId, review.getMeetingId());
            LocalDate day = meeting.getStartsAt().toLocalDate();
            if (!onSite(meeting.getFormat()) || day.isBefore(from) || day.isAfter(to)) {
                continue;
            }
            calls++;
            for (TravelEntry entry : travel.findByReviewIdOrderByIdAsc(review.getId())) {
                hours = hours.add(entry.getHours());
                cost = cost.add(entry.getCost());
            }
        }
        return new Travel(calls, hours, cost);
    }

    /**
     * For the meeting-format decision: the travel cost recorded for the last on-site call of the
     * same tier before this one (0 when there was none or nobody recorded travel).
     */
    @Transactional(readOnly = true)
    public double lastTravelCost(Long reviewId) {
        Review review = reviews.findById(reviewId).orElseThrow();
        return reviews.findByEngagementIdOrderByIdAsc(review.getEngagementId()).stream()
                .filter(earlier -> earlier.getTier() == review.getTier() && earlier.getSequence() < review.getSequence())
                .filter(earlier -> earlier.getMeetingId() != null && earlier.getRecordedAt() != null)
                .filter(earlier -> onSite(meetings.forProcess(earlier.getEngagementId(), earlier.getMeetingId()).getFormat()))
                .reduce((first, second) -> second)
                .map(last -> travel.findByReviewIdOrderByIdAsc(last.getId()).stream().map(TravelEntry::getCost)
                        .reduce(BigDecimal.ZERO, BigDecimal::add).doubleValue())
                .orElse(0.0);
    }

    private String name(String user) {
        return users.find(user).map(UserDirectory.Person::displayName).orElse(user);
    }

    private static String company(Engagement engagement, Side side) {
        return side == Side.CLIENT ? engagement.getClient() : side == Side.PROVIDER ? engagement.getProvider() : "governance office";
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
