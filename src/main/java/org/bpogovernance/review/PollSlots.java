package org.bpogovernance.review;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bpogovernance.engagement.Engagement;
import org.bpogovernance.engagement.EngagementService;
import org.bpogovernance.engagement.StakeholderRole;
import org.bpogovernance.platform.FormLines;
import org.bpogovernance.platform.InvalidInputException.Violation;
import org.bpogovernance.platform.PeopleDates;
import org.bpogovernance.security.PersonProfiles;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The slots of a scheduling poll: those the forms suggest (inside everyone's working hours), and
 * the officer's lines read and checked.
 */
@Component
class PollSlots {

    static final int MIN_SLOTS = 2;
    static final int MAX_SLOTS = 5;
    /** How many slots the forms suggest. */
    static final int SUGGESTED_SLOTS = 3;

    private final SchedulingPollRepository polls;
    private final ReviewService reviewService;
    private final EngagementService engagements;
    private final PersonProfiles profiles;
    private final ReviewSettings settings;

    PollSlots(SchedulingPollRepository polls, ReviewService reviewService, EngagementService engagements,
            PersonProfiles profiles, ReviewSettings settings) {
        this.polls = polls;
        this.reviewService = reviewService;
        this.engagements = engagements;
        this.profiles = profiles;
        this.settings = settings;
    }

    /**
     * Slots for the form to suggest, one per line ({@code date | time}, engagement time): from the
     * cadence's target date on, weekdays, as near the usual call time as everyone's working hours
     * allow; a day on which no time suits everyone is skipped. Slots of earlier rounds are not offered again.
     */
    @Transactional(readOnly = true)
    public String suggestions(Long reviewId, int minutes) {
        Review review = reviewService.find(reviewId);
        Engagement engagement = engagements.forProcess(review.getEngagementId());
        ZoneId zone = engagement.zone();
        List<String> people = new ArrayList<>(reviewService.invitees(engagement));
        String officer = engagements.holderOrNull(engagement.getId(), StakeholderRole.GOVERNANCE_OFFICER);
        if (officer != null) {
            people.add(officer);
        }
        List<Instant> offered = polls.findByReviewIdOrderByRoundAsc(reviewId).stream()
                .flatMap(poll -> poll.getSlots().stream().map(SchedulingPoll.Slot::startsAt)).toList();
        LocalDate first = reviewService.proposal(reviewId, null).date();
        List<LocalDateTime> slots = new ArrayList<>();
        Duration length = Duration.ofMinutes(Math.max(minutes, 15));
        for (LocalDate day = first; slots.size() < SUGGESTED_SLOTS && day.isBefore(first.plusDays(28)); day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            for (LocalTime time : timesNearestFirst(settings.suggestedCallTime())) {
                ZonedDateTime start = day.atTime(time).atZone(zone);
                if (!offered.contains(start.toInstant()) && !reviewService.tooSoon(start.toInstant())
                        && people.stream().noneMatch(user -> profiles.outsideWorkingHours(user, start, length))) {
                    slots.add(day.atTime(time));
                    break;
                }
            }
        }
        return FormLines.format(slots.stream().map(slot -> List.<Object>of(slot.toLocalDate(), slot.toLocalTime())).toList());
    }

    /** The half-hours of a day, the nearest to the usual call time first. */
    private static List<LocalTime> timesNearestFirst(LocalTime usual) {
        List<LocalTime> times = new ArrayList<>();
        for (int halfHour = 0; halfHour < 48; halfHour++) {
            times.add(LocalTime.MIDNIGHT.plusMinutes(30L * halfHour));
        }
        times.sort(Comparator.comparingLong(time -> Math.abs(Duration.between(usual, time).toMinutes())));
        return times;
    }

    /** The slot lines: 2 to 5, each a readable date and time, far enough ahead, none overlapping another. */
    List<SchedulingPoll.Slot> read(String lines, ZoneId zone, int minutes, List<Violation> violations) {
        String field = ReviewCallProcess.POLL_SLOTS;
        FormLines.Parsed parsed = FormLines.parse(lines, 2);
        if (parsed.entries().size() < MIN_SLOTS || parsed.entries().size() > MAX_SLOTS) {
            violations.add(new Violation(field, "propose " + MIN_SLOTS + " to " + MAX_SLOTS
                    + " slots, one per line: date | time (yyyy-mm-dd | hh:mm), not " + parsed.entries().size()));
            return List.of();
        }
        List<SchedulingPoll.Slot> slots = new ArrayList<>();
        Map<Integer, Integer> lineOfSlot = new HashMap<>();
        for (int i = 0; i < parsed.entries().size(); i++) {
            String[] entry = parsed.entries().get(i);
            int line = parsed.lineNumbers().get(i);
            String at = field + " line " + line;
            LocalDate date;
            LocalTime time;
            try {
                date = LocalDate.parse(String.valueOf(entry[0]));
                time = LocalTime.parse(String.valueOf(entry[1]));
            } catch (RuntimeException unreadable) {
                violations.add(new Violation(at, "'" + (entry[0] == null ? "" : entry[0]) + " | "
                        + (entry[1] == null ? "" : entry[1]) + "' is not a date and time (yyyy-mm-dd | hh:mm)"));
                continue;
            }
            Instant start = date.atTime(time).atZone(zone).toInstant();
            if (reviewService.tooSoon(start)) {
                violations.add(new Violation(at, PeopleDates.dayAndTime(date.atTime(time), zone)
                        + " is in the past or less than " + settings.minimumNotice().toMinutes() + " minutes from now"));
                continue;
            }
            for (SchedulingPoll.Slot other : slots) {
                if (start.isBefore(other.startsAt().plus(Duration.ofMinutes(minutes)))
                        && other.startsAt().isBefore(start.plus(Duration.ofMinutes(minutes)))) {
                    violations.add(new Violation(at, "overlaps line " + lineOfSlot.get(other.position()) + ": a "
                            + minutes + "-minute call cannot start at both"));
                }
            }
            lineOfSlot.put(slots.size() + 1, line);
            slots.add(new SchedulingPoll.Slot(slots.size() + 1, start));
        }
        return slots;
    }
}
