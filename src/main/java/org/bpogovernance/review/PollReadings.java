package org.bpogovernance.review;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bpogovernance.engagement.Engagement;
import org.bpogovernance.engagement.EngagementService;
import org.bpogovernance.engagement.StakeholderRole;
import org.bpogovernance.platform.NotFoundException;
import org.bpogovernance.platform.PeopleDates;
import org.bpogovernance.platform.PublicUrl;
import org.bpogovernance.review.PollAnswer.Availability;
import org.bpogovernance.security.PersonProfiles;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What people read of a scheduling poll: the rounds with each slot's answers, quorum and
 * working-hours flags (the API and the officer's forms), each slot in the reader's own time, when
 * the poll closes, and a person's one-click answer links.
 */
@Component
public class PollReadings {

    /** One person's answer to one slot. */
    public record AnswerView(String userId, String side, String answer) {
    }

    /** One slot as the officer and the API see it: counts, quorum, and whose working hours it falls outside. */
    public record SlotView(int slot, Instant startsAt, String when, int available, int ifNeedBe, int notAvailable,
            int notAnswered, boolean quorum, List<String> outsideWorkingHours, List<AnswerView> answers) {
    }

    /** One round of the poll; {@code notAnswered}: who has yet to answer every slot. */
    public record RoundView(Long pollId, int round, String status, Instant closesAt, String closes, int minutes,
            String format, String site, String link, Integer chosenSlot, String chosenBy, List<String> respondents,
            List<String> notAnswered, List<String> quorum, List<SlotView> slots) {
    }

    /** The poll of a review call: its rounds, the latest last. */
    public record PollView(Long reviewId, List<RoundView> rounds) {
    }

    private final SchedulingPollRepository polls;
    private final PollAnswerRepository answers;
    private final ReviewService reviewService;
    private final EngagementService engagements;
    private final PersonProfiles profiles;
    private final PublicUrl publicUrl;

    PollReadings(SchedulingPollRepository polls, PollAnswerRepository answers, ReviewService reviewService,
            EngagementService engagements, PersonProfiles profiles, PublicUrl publicUrl) {
        this.polls = polls;
        this.answers = answers;
        this.reviewService = reviewService;
        this.engagements = engagements;
        this.profiles = profiles;
        this.publicUrl = publicUrl;
    }

    /** The poll of a call for the API: every round, each slot's answers, quorum and working-hours flags. */
    @Transactional(readOnly = true)
    public PollView view(Long engagementId, Long reviewId) {
        engagements.get(engagementId);
        Review review = reviewService.find(reviewId);
        if (!review.getEngagementId().equals(engagementId)) {
            throw new NotFoundException("review", reviewId);
        }
        List<SchedulingPoll> rounds = polls.findByReviewIdOrderByRoundAsc(reviewId);
        if (rounds.isEmpty()) {
            throw new NotFoundException("scheduling poll of review", reviewId);
        }
        return new PollView(reviewId, rounds.stream().map(poll -> round(poll, null)).toList());
    }

    /** When the poll closes, in the person's own zone where they set one. */
    @Transactional(readOnly = true)
    public String closesFor(Long pollId, String user) {
        SchedulingPoll poll = find(pollId);
        return new PeopleDates.Moment(poll.getClosesAt().atZone(engagements.forProcess(engagementOf(poll)).zone()))
                .forReader(profiles.zoneOf(user).orElse(null));
    }

    /**
     * The round as someone reads it: times in the engagement's zone, and also in the reader's
     * where they set another.
     */
    @Transactional(readOnly = true)
    public RoundView round(Long pollId, ZoneId readerZone) {
        return round(find(pollId), readerZone);
    }

    RoundView round(SchedulingPoll poll, ZoneId readerZone) {
        Engagement engagement = engagements.forProcess(engagementOf(poll));
        ZoneId zone = engagement.zone();
        List<String> respondents = poll.respondentIds();
        List<String> quorum = reviewService.quorum(engagement.getId());
        Map<String, String> sides = new HashMap<>();
        engagements.stakeholdersForProcess(engagement.getId()).forEach(stakeholder -> sides.putIfAbsent(
                stakeholder.getUserId(), stakeholder.getSide() == null ? null : stakeholder.getSide().name()));
        List<PollAnswer> all = answers.findByPollIdOrderByIdAsc(poll.getId());
        Duration length = Duration.ofMinutes(poll.getMinutes());
        List<String> asked = new ArrayList<>(respondents);
        String officer = engagements.holderOrNull(engagement.getId(), StakeholderRole.GOVERNANCE_OFFICER);
        if (officer != null) {
            asked.add(officer);
        }
        List<SlotView> slots = new ArrayList<>();
        for (SchedulingPoll.Slot slot : poll.getSlots()) {
            Map<String, Availability> bySlot = all.stream().filter(answer -> answer.getSlot() == slot.position())
                    .collect(Collectors.toMap(PollAnswer::getUserId, PollAnswer::getAnswer, (a, b) -> b));
            ZonedDateTime start = slot.startsAt().atZone(zone);
            slots.add(new SlotView(slot.position(), slot.startsAt(), new PeopleDates.Moment(start).forReader(readerZone),
                    count(bySlot, Availability.AVAILABLE), count(bySlot, Availability.IF_NEED_BE),
                    count(bySlot, Availability.NOT_AVAILABLE),
                    (int) respondents.stream().filter(user -> !bySlot.containsKey(user)).count(),
                    quorum.stream().allMatch(user -> bySlot.get(user) == Availability.AVAILABLE
                            || bySlot.get(user) == Availability.IF_NEED_BE),
                    asked.stream().filter(user -> profiles.outsideWorkingHours(user, start, length)).toList(),
                    respondents.stream().filter(bySlot::containsKey).map(user -> new AnswerView(user, sides.get(user),
                            bySlot.get(user).name())).toList()));
        }
        Map<String, Long> answeredSlots = all.stream().collect(Collectors.groupingBy(PollAnswer::getUserId, Collectors.counting()));
        return new RoundView(poll.getId(), poll.getRound(), poll.getStatus().name(), poll.getClosesAt(),
                new PeopleDates.Moment(poll.getClosesAt().atZone(zone)).forReader(readerZone), poll.getMinutes(),
                poll.getFormat(), poll.getSite(), poll.getLink(), poll.getChosenSlot(), poll.getChosenBy(), respondents,
                respondents.stream().filter(user -> answeredSlots.getOrDefault(user, 0L) < poll.getSlots().size()).toList(),
                quorum, slots);
    }

    private static int count(Map<String, Availability> answers, Availability kind) {
        return (int) answers.values().stream().filter(kind::equals).count();
    }

    /** The round's slots and answers in lines for the officer's forms. */
    @Transactional(readOnly = true)
    public String tally(Long pollId, ZoneId readerZone) {
        RoundView round = round(pollId, readerZone);
        StringBuilder text = new StringBuilder();
        for (SlotView slot : round.slots()) {
            text.append("Slot ").append(slot.slot()).append(": ").append(slot.when()).append("\n   ")
                    .append(slot.available()).append(" available, ").append(slot.ifNeedBe()).append(" if need be, ")
                    .append(slot.notAvailable()).append(" not available, ").append(slot.notAnswered()).append(" no answer; ")
                    .append(slot.quorum() ? "the quorum can attend" : "the quorum cannot attend");
            if (!slot.outsideWorkingHours().isEmpty()) {
                text.append("; outside the working hours of ").append(String.join(", ", slot.outsideWorkingHours()));
            }
            text.append('\n');
        }
        return text.toString();
    }

    /**
     * One slot as the person asked reads it in the poll form and mail: in the engagement's zone and
     * theirs, flagged when it falls outside their working hours.
     */
    @Transactional(readOnly = true)
    public List<String> slotsFor(Long pollId, String user) {
        SchedulingPoll poll = find(pollId);
        ZoneId zone = engagements.forProcess(engagementOf(poll)).zone();
        ZoneId readerZone = profiles.zoneOf(user).orElse(null);
        Duration length = Duration.ofMinutes(poll.getMinutes());
        return poll.getSlots().stream().map(slot -> {
            ZonedDateTime start = slot.startsAt().atZone(zone);
            return new PeopleDates.Moment(start).forReader(readerZone) + ", " + poll.getMinutes() + " minutes"
                    + (profiles.outsideWorkingHours(user, start, length) ? " — outside your working hours" : "");
        }).toList();
    }

    /** The person's one-click links, per slot and answer: they open the service, which asks for their login. */
    @Transactional(readOnly = true)
    public Map<Integer, Map<Availability, String>> linksFor(Long pollId, String user) {
        SchedulingPoll poll = find(pollId);
        String token = poll.respondent(user).map(SchedulingPoll.Respondent::linkToken).orElse(null);
        Map<Integer, Map<Availability, String>> links = new LinkedHashMap<>();
        if (token == null) {
            return links;
        }
        for (SchedulingPoll.Slot slot : poll.getSlots()) {
            Map<Availability, String> perAnswer = new LinkedHashMap<>();
            for (Availability availability : Availability.values()) {
                perAnswer.put(availability, publicUrl.get() + PollAnswerPage.PATH.replace("{pollId}", String.valueOf(pollId))
                        + "?slot=" + slot.position() + "&answer=" + availability.name() + "&token=" + token);
            }
            links.put(slot.position(), perAnswer);
        }
        return links;
    }

    private SchedulingPoll find(Long pollId) {
        return polls.findById(pollId).orElseThrow(() -> new NotFoundException("scheduling poll", pollId));
    }

    private Long engagementOf(SchedulingPoll poll) {
        return reviewService.find(poll.getReviewId()).getEngagementId();
    }
}
