package org.bpogovernance.review;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.bpogovernance.engagement.DemoEngagements;
import org.bpogovernance.engagement.Engagement;
import org.bpogovernance.engagement.EngagementService;
import org.bpogovernance.engagement.TierLevel;
import org.bpogovernance.notification.Notifications;
import org.bpogovernance.servicelevel.Direction;
import org.bpogovernance.servicelevel.Measurement;
import org.bpogovernance.servicelevel.MeasurementInput;
import org.bpogovernance.servicelevel.MeasurementService;
import org.bpogovernance.servicelevel.MetricDefinition;
import org.bpogovernance.servicelevel.MetricSetRequest;
import org.bpogovernance.servicelevel.ServiceLevelService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives the operational demo engagement something to review: three service metrics with this
 * year's values (last month with an amber and a red one, which raises an escalation), two
 * milestones (one at risk), and last month's review call waiting for olivia to prepare its agenda.
 * Only with the demo engagements; left alone once the engagement has a review.
 */
@Component
@Order(4)
@ConditionalOnProperty(name = "governance.demo.engagements", havingValue = "true")
class DemoReviewCall implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoReviewCall.class);

    private final EngagementService engagements;
    private final ServiceLevelService serviceLevels;
    private final MeasurementService measurements;
    private final MilestoneService milestones;
    private final ReviewService reviewService;
    private final ReviewRepository reviews;
    private final Clock clock;
    private final MeetingService meetings;
    private final Notifications notifications;

    DemoReviewCall(EngagementService engagements, ServiceLevelService serviceLevels, MeasurementService measurements,
            MilestoneService milestones, ReviewService reviewService, ReviewRepository reviews, Clock clock,
            MeetingService meetings, Notifications notifications) {
        this.meetings = meetings;
        this.notifications = notifications;
        this.engagements = engagements;
        this.serviceLevels = serviceLevels;
        this.measurements = measurements;
        this.milestones = milestones;
        this.reviewService = reviewService;
        this.reviews = reviews;
        this.clock = clock;
    }

    /**
     * The demo's operational engagement was onboarded by the seeding: its kick-off (dated ahead,
     * as the form requires) is held, not its next call, and the invites and task mails of the
     * steps the seeding did are withdrawn before anyone receives them.
     */
    @EventListener
    void on(DemoEngagements.OnboardedBySeeding seeded) {
        meetings.kickOffHeld(seeded.engagementId());
        notifications.withdrawUnsent(seeded.engagementId(), List.of(Notifications.Kind.MEETING_INVITE,
                Notifications.Kind.TASK_ASSIGNED, Notifications.Kind.CHARTER_SIGNED));
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        Engagement globex = engagements.forProcess(DemoEngagements.OPERATIONAL_DEMO).orElse(null);
        if (globex == null || !reviews.findByEngagementIdOrderByIdAsc(globex.getId()).isEmpty()) {
            return;
        }
        YearMonth termStart = YearMonth.from(globex.getTermStart());
        YearMonth lastMonth = YearMonth.now(clock.withZone(globex.zone())).minusMonths(1);
        if (lastMonth.isBefore(termStart)) {
            return;
        }
        serviceLevels.define(globex.getId(), new MetricSetRequest(termStart, List.of(
                metric("INV-TIME", "Invoice processing time", "days", Direction.LOWER_IS_BETTER, 3, 4, 5, 40),
                metric("FTR", "First-time-right postings", "%", Direction.HIGHER_IS_BETTER, 98, 96, 94, 35),
                metric("CLOSE", "Month-end close", "working day", Direction.LOWER_IS_BETTER, 5, 6, 7, 25))));
        List<MeasurementInput> values = new ArrayList<>();
        for (YearMonth month = termStart; month.isBefore(lastMonth); month = month.plusMonths(1)) {
            values.add(new MeasurementInput("INV-TIME", month.toString(), new BigDecimal("2.8"), null));
            values.add(new MeasurementInput("FTR", month.toString(), new BigDecimal("98.4"), null));
            values.add(new MeasurementInput("CLOSE", month.toString(), new BigDecimal("5"), null));
        }
        values.add(new MeasurementInput("INV-TIME", lastMonth.toString(), new BigDecimal("3.4"), null));
        values.add(new MeasurementInput("FTR", lastMonth.toString(), new BigDecimal("95.5"), "new vendor onboarding wave"));
        values.add(new MeasurementInput("CLOSE", lastMonth.toString(), new BigDecimal("7.5"), "late intercompany confirmations"));
        measurements.recordJson(globex.getId(), values, Measurement.Source.API);
        LocalDate today = LocalDate.now(clock.withZone(globex.zone()));
        milestones.add(globex.getId(), new MilestoneRequest("Automate three-way matching", today.plusDays(25), "peter",
                "80% of PO invoices matched without a person", Milestone.Status.AT_RISK, null));
        milestones.add(globex.getId(), new MilestoneRequest("Migrate the vendor master data", today.plusDays(60), "clara",
                "All active vendors in the new ERP, duplicates removed", Milestone.Status.ON_TRACK, null));
        reviewService.start(globex.getId(), TierLevel.OPERATIONAL, lastMonth);
        log.info("Demo engagement {} has last month's review call waiting for olivia to prepare the agenda",
                DemoEngagements.OPERATIONAL_DEMO);
    }

    private static MetricDefinition metric(String code, String name, String unit, Direction direction, double target,
            double warning, double breach, int weight) {
        return new MetricDefinition(code, name, null, unit, direction, BigDecimal.valueOf(target), BigDecimal.valueOf(warning),
                BigDecimal.valueOf(breach), BigDecimal.valueOf(weight), BigDecimal.valueOf(2), BigDecimal.valueOf(10), 2);
    }
}
