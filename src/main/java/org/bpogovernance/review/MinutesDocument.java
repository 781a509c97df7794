package org.bpogovernance.review;

import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bpogovernance.action.ActionItem;
import org.bpogovernance.action.ActionItemService;
import org.bpogovernance.engagement.Engagement;
import org.bpogovernance.engagement.EngagementService;
import org.bpogovernance.engagement.Side;
import org.bpogovernance.platform.Documents;
import org.bpogovernance.platform.Documents.Fact;
import org.bpogovernance.platform.Documents.Page;
import org.bpogovernance.platform.Documents.Section;
import org.bpogovernance.platform.PeopleDates;
import org.bpogovernance.security.UserDirectory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A review call's minutes as a document people keep, print and forward (HTML or PDF): the call,
 * who came, what was said and decided, the action items, and who signed when, by name and side,
 * in the engagement's time zone.
 */
@Component
class MinutesDocument {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    private final ReviewService reviewService;
    private final AgendaItemRepository agendaItems;
    private final AttendanceRepository attendances;
    private final MinutesSignOffRepository signOffs;
    private final MeetingService meetings;
    private final ActionItemService actionItems;
    private final EngagementService engagements;
    private final UserDirectory users;

    MinutesDocument(ReviewService reviewService, AgendaItemRepository agendaItems, AttendanceRepository attendances,
            MinutesSignOffRepository signOffs, MeetingService meetings, ActionItemService actionItems,
            EngagementService engagements, UserDirectory users) {
        this.reviewService = reviewService;
        this.agendaItems = agendaItems;
        this.attendances = attendances;
        this.signOffs = signOffs;
        this.meetings = meetings;
        this.actionItems = actionItems;
        this.engagements = engagements;
        this.users = users;
    }

    /** The file name without extension: {@code minutes-operational-review-1-2026-05}. */
    static String fileName(Review review) {
        return "minutes-" + review.title().toLowerCase(Locale.ENGLISH).replaceAll("[^a-z0-9]+", "-").replaceAll("-$", "");
    }

    /** The minutes of a review; the caller has checked that the reader may see them. */
    @Transactional(readOnly = true)
    Page page(Long reviewId) {
        Review review = reviewService.find(reviewId);
        Engagement engagement = engagements.forProcess(review.getEngagementId());
        ZoneId zone = engagement.zone();
        Meeting call = review.getMeetingId() == null ? null : meetings.forProcess(engagement.getId(), review.getMeetingId());

        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("Client", engagement.getClient()));
        facts.add(new Fact("Provider", engagement.getProvider()));
        if (call != null) {
            facts.add(new Fact("Call", PeopleDates.dayAndTime(call.start()) + ", " + call.getDurationMinutes() + " minutes, "
                    + words(call.getFormat()) + (call.getLocation() == null ? "" : " — " + call.getLocation())));
        }
        if (review.getRecordedBy() != null) {
            facts.add(new Fact("Recorded by", name(review.getRecordedBy()) + ", "
                    + PeopleDates.dayAndTime(review.getRecordedAt(), zone)));
        }
        facts.add(new Fact("Status", status(review, zone)));

        List<Section> sections = new ArrayList<>();
        sections.add(Section.text("Objectives", review.getObjectives()));
        sections.add(Section.table("Agenda", List.of("#", "Item", "Owner", "Minutes"),
                agendaItems.findByReviewIdOrderByPositionAsc(reviewId).stream().map(item -> List.of(
                        String.valueOf(item.getPosition()), item.getTitle(), name(item.getOwner()),
                        String.valueOf(item.getTimeboxMinutes()))).toList(), "No agenda was set."));
        sections.add(Section.table("Attendance", List.of("Participant", "Answer to the invite", "At the call"),
                attendances.findByReviewIdOrderByIdAsc(reviewId).stream().map(a -> List.of(name(a.getUserId()),
                        answer(a.getResponse()), a.getPresence() == null ? "not recorded" : words(a.getPresence().name())))
                        .toList(), "No one was invited."));
        sections.add(Section.text("Performance", review.getScorecardSummary()));
        sections.add(Section.text("Minutes", review.getMinutes()));
        optional(sections, "Decisions", review.getDecisions());
        optional(sections, "Successes", review.getSuccesses());
        optional(sections, "Lessons learned", review.getLessonsLearned());
        optional(sections, "Risks", review.getRisks());
        sections.add(Section.table("Action items", List.of("Action", "Owner", "Due", "Status"),
                actionItems.ofReview(reviewId).stream().map(item -> List.of(item.getDescription(), name(item.getOwner()),
                        PeopleDates.day(item.getDueDate()), itemStatus(item.getStatus()))).toList(),
                "No action items were agreed."));
        sections.add(Section.table("Signatures", List.of("Round", "Signed by", "For", "Decision", "When", "Reason"),
                signOffs.findByReviewIdOrderByIdAsc(reviewId).stream().map(s -> List.of(String.valueOf(s.getRound()),
                        name(s.getSigner()), s.getSide() == Side.CLIENT ? engagement.getClient() : engagement.getProvider(),
                        s.getDecision() == MinutesSignOff.Decision.APPROVE ? "approved" : "rejected",
                        PeopleDates.dayAndTime(s.getDecidedAt(), zone), s.getReason() == null ? "" : s.getReason()))
                        .toList(), "Not yet sent for signature."));
        return new Page("Minutes — " + title(review), engagement.getName() + " (contract " + engagement.getContractReference()
                + ")", facts, sections, "Sign-off round " + Math.max(review.getSignOffRound(), 1) + " · minutes of review "
                + review.getId() + " · BPO Governance");
    }

    /** "Operational review 1, May 2026". */
    static String title(Review review) {
        String level = words(review.getTier().name());
        return Character.toUpperCase(level.charAt(0)) + level.substring(1) + " review " + review.getSequence() + ", "
                + month(review.getPeriodFrom()) + (review.getPeriodFrom().equals(review.getPeriodTo()) ? ""
                        : " to " + month(review.getPeriodTo()));
    }

    private static String month(String period) {
        try {
            return MONTH.format(YearMonth.parse(period));
        } catch (RuntimeException notAMonth) {
            return period;
        }
    }

    private static String status(Review review, ZoneId zone) {
        return switch (review.getStatus()) {
            case PREPARING -> "The agenda is being prepared";
            case SCHEDULED -> "The call is scheduled; no minutes yet";
            case IN_SIGN_OFF -> "Out for signature (round " + review.getSignOffRound() + ")";
            case REWORK -> "Rejected in round " + review.getSignOffRound() + "; being reworked";
            case SIGNED_OFF -> "Signed by both parties, " + PeopleDates.dayAndTime(review.getSignedOffAt(), zone);
            case CANCELLED -> "Cancelled: the engagement closed before the minutes were signed";
        };
    }

    private static String answer(Attendance.Response response) {
        return switch (response) {
            case INVITED -> "no answer";
            case CONFIRMED -> "confirmed";
            case DECLINED -> "declined";
        };
    }

    private static String itemStatus(ActionItem.Status status) {
        return switch (status) {
            case PROPOSED -> "proposed (opens when the minutes are signed)";
            case OPEN -> "open";
            case DONE -> "done";
            case CANCELLED -> "cancelled";
        };
    }

    private static void optional(List<Section> sections, String heading, String text) {
        if (text != null && !text.isBlank()) {
            sections.add(Section.text(heading, text));
        }
    }

    private String name(String userId) {
        return userId == null ? "" : users.find(userId).map(UserDirectory.Person::displayName).orElse(userId);
    }

    private static String words(String code) {
        return code == null ? "" : code.toLowerCase(Locale.ENGLISH).replace('_', ' ');
    }
}
