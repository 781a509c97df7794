package org.bpogovernance.review;

import java.time.Clock;
import java.time.LocalDateTime;
import org.bpogovernance.audit.AuditTrail;
import org.bpogovernance.engagement.EngagementService;
import org.bpogovernance.engagement.EngagementService.EngagementClosed;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The engagement closed: its meetings still to come are cancelled in everyone's calendar (each
 * stakeholder gets the cancellation by mail), and its review calls under way are cancelled in the
 * record. Their processes end with the engagement's others ({@code EngagementProcesses}).
 */
@Component
class CallsEndWithEngagement {

    static final String REASON = "the engagement closed";

    private final ReviewRepository reviews;
    private final MeetingRepository meetings;
    private final MeetingService meetingService;
    private final AuditTrail auditTrail;
    private final Clock clock;

    CallsEndWithEngagement(ReviewRepository reviews, MeetingRepository meetings, MeetingService meetingService,
            AuditTrail auditTrail, Clock clock) {
        this.reviews = reviews;
        this.meetings = meetings;
        this.meetingService = meetingService;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(EngagementClosed closed) {
        for (Meeting meeting : meetings.findByEngagementIdOrderByStartsAtAsc(closed.engagementId())) {
            if (meeting.getStatus() == Meeting.Status.SCHEDULED
                    && meeting.start().toLocalDateTime().isAfter(LocalDateTime.now(clock.withZone(meeting.start().getZone())))) {
                meetingService.cancel(closed.engagementId(), meeting.getId(), REASON);
            }
        }
        for (Review review : reviews.findByEngagementIdOrderByIdAsc(closed.engagementId())) {
            if (review.isUnderWay()) {
                review.cancel();
                reviews.save(review);
                auditTrail.record(EngagementService.AUDIT_TYPE, closed.engagementId(), "REVIEW_CANCELLED",
                        review.title() + ": " + REASON);
            }
        }
    }
}
