package org.bpogovernance.security;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.bpogovernance.platform.InvalidInputException;
import org.bpogovernance.platform.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * People's time zones and working hours: each person sets their own ({@code /api/me/profile}),
 * officers anyone's ({@code /api/people/{userId}/profile}). A person without one is shown times in
 * the engagement's zone only.
 */
@Service
public class PersonProfiles {

    private final PersonProfileRepository profiles;
    private final UserDirectory users;

    PersonProfiles(PersonProfileRepository profiles, UserDirectory users) {
        this.profiles = profiles;
        this.users = users;
    }

    @Transactional(readOnly = true)
    public Optional<PersonProfile> of(String userId) {
        return userId == null ? Optional.empty() : profiles.findById(userId);
    }

    /** The person's own zone, where they have set one. */
    @Transactional(readOnly = true)
    public Optional<ZoneId> zoneOf(String userId) {
        return of(userId).map(PersonProfile::zone);
    }

    @Transactional
    public PersonProfile change(String userId, ProfileRequest request) {
        if (!users.exists(userId)) {
            throw new NotFoundException("person", userId);
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(request.timeZone().trim());
        } catch (DateTimeException unknown) {
            throw new InvalidInputException("timeZone", "'" + request.timeZone() + "' is not a time zone: use a name such as"
                    + " Europe/Berlin or Asia/Kolkata");
        }
        if (request.workStarts().equals(request.workEnds())) {
            throw new InvalidInputException("workEnds", "must differ from workStarts (" + request.workStarts()
                    + "); a night shift ends before it starts");
        }
        PersonProfile profile = profiles.findById(userId).orElseGet(() -> new PersonProfile(userId));
        profile.change(zone, request.workStarts(), request.workEnds(), request.workDays());
        return profiles.save(profile);
    }

    /**
     * Whether a meeting from {@code start} for {@code length} lies outside the person's working hours:
     * not within one shift that starts on a working day (a night shift runs into the next day);
     * false for someone without a profile. For scheduling: a time outside someone's hours is flagged.
     */
    @Transactional(readOnly = true)
    public boolean outsideWorkingHours(String userId, ZonedDateTime start, Duration length) {
        return of(userId).map(profile -> {
            ZonedDateTime from = start.withZoneSameInstant(profile.zone());
            ZonedDateTime to = from.plus(length);
            boolean overnight = profile.getWorkEnds().isBefore(profile.getWorkStarts());
            for (LocalDate day : List.of(from.toLocalDate().minusDays(1), from.toLocalDate())) {
                ZonedDateTime shiftStart = day.atTime(profile.getWorkStarts()).atZone(profile.zone());
                ZonedDateTime shiftEnd = (overnight ? day.plusDays(1) : day).atTime(profile.getWorkEnds()).atZone(profile.zone());
                if (profile.getWorkDays().contains(day.getDayOfWeek()) && !from.isBefore(shiftStart) && !to.isAfter(shiftEnd)) {
                    return false;
                }
            }
            return true;
        }).orElse(false);
    }
}
