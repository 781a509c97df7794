package org.bpogovernance.review;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import org.bpogovernance.action.ActionItemService;
import org.bpogovernance.engagement.Engagement;
import org.bpogovernance.engagement.EngagementService;
import org.bpogovernance.engagement.TierLevel;
import org.bpogovernance.platform.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Review records as stakeholders and officers read them: the list, and one call in full. */
@Service
public class ReviewRecords {

    /** A line of the list of an engagement's review calls. */
    public record ReviewSummary(Long id, String title, TierLevel tier, int sequence, String period, Review.Status status,
            ZonedDateTime callStartsAt, String format, Instant signedOffAt, Integer satisfactionScore) {
    }

    /** One review call in full: agenda, call, attendance, minutes, sign-offs with who and when, action items. */
    public record ReviewRecord(Long id, String engagementName, String title, TierLevel tier, int sequence, String period,
            Review.Status status, String objectives, List<AgendaItem> agenda, String scorecardSummary, Meeting call,
            List<Attendance> attendance, String minutes, String decisions, String successes, String lessonsLearned,
            String risks, String recordedBy, Instant recordedAt, List<MinutesSignOff> signOffs, Instant signedOffAt,
            List<ActionItemService.ActionItemView> actionItems, Integer satisfactionScore, String satisfactionComment,
            OnSiteView onSite, long version) {
    }

    /** An on-site call: its host, what visitors were told, when the host registered them, each person's travel. */
    public record OnSiteView(String host, String instructions, Instant visitorsRegisteredAt, String visitorsNote,
            List<TravelEntry> travel) {
    }

    private final ReviewRepository reviews;
    private final AgendaItemRepository agendaItems;
    private final AttendanceRepository attendances;
    private final MinutesSignOffRepository signOffs;
    private final MeetingService meetings;
    private final ActionItemService actionItems;
    private final EngagementService engagements;
    private final OnSiteVisits visits;

    ReviewRecords(ReviewRepository reviews, AgendaItemRepository agendaItems, AttendanceRepository attendances,
            MinutesSignOffRepository signOffs, MeetingService meetings, ActionItemService actionItems,
            EngagementService engagements, OnSiteVisits visits) {
        this.visits = visits;
        this.reviews = reviews;
        this.agendaItems = agendaItems;
        this.attendances = attendances;
        this.signOffs = signOffs;
        this.meetings = meetings;
        this.actionItems = actionItems;
        this.engagements = engagements;
    }

    @Transactional(readOnly = true)
    public List<ReviewSummary> of(Long engagementId) {
        engagements.get(engagementId);
        return reviews.findByEngagementIdOrderByIdAsc(engagementId).stream().map(review -> {
            Meeting call = call(review);
            return new ReviewSummary(review.getId(), review.title(), review.getTier(), review.getSequence(), review.period(),
                    review.getStatus(), call == null ? null : call.start(), call == null ? null : call.getFormat(),
                    review.getSignedOffAt(), review.getSatisfactionScore());
        }).toList();
    }

    @Transactional(readOnly = true)
    public ReviewRecord get(Long engagementId, Long reviewId) {
        Engagement engagement = engagements.get(engagementId);
        Review review = reviews.findByIdAndEngagementId(reviewId, engagementId)
                .orElseThrow(() -> new NotFoundException("review", reviewId));
        return new ReviewRecord(review.getId(), engagement.getName(), review.title(), review.getTier(), review.getSequence(),
                review.period(), review.getStatus(), review.getObjectives(),
                agendaItems.findByReviewIdOrderByPositionAsc(reviewId), review.getScorecardSummary(), call(review),
                attendances.findByReviewIdOrderByIdAsc(reviewId), review.getMinutes(), review.getDecisions(),
                review.getSuccesses(), review.getLessonsLearned(), review.getRisks(), review.getRecordedBy(),
                review.getRecordedAt(), signOffs.findByReviewIdOrderByIdAsc(reviewId), review.getSignedOffAt(),
                actionItems.search(engagementId, null, null, null).stream()
                        .filter(item -> reviewId.equals(item.reviewId())).toList(),
                review.getSatisfactionScore(), review.getSatisfactionComment(),
                review.getVisitHost() == null ? null : new OnSiteView(review.getVisitHost(), review.getVisitInstructions(),
                        review.getVisitorsRegisteredAt(), review.getVisitorsNote(), visits.travelOf(reviewId)),
                review.getVersion());
    }

    private Meeting call(Review review) {
        return review.getMeetingId() == null ? null : meetings.forProcess(review.getEngagementId(), review.getMeetingId());
    }
}
