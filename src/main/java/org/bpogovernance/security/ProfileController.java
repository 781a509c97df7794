package org.bpogovernance.security;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.bpogovernance.platform.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/me/profile}: your time zone and working hours; {@code /api/people/{userId}/profile}: anyone's, for officers. */
@RestController
@Tag(name = "Profiles", description = "Your time zone and working hours; officers set anyone's.")
class ProfileController {

    private final PersonProfiles profiles;

    ProfileController(PersonProfiles profiles) {
        this.profiles = profiles;
    }

    @GetMapping("/api/me/profile")
    PersonProfile mine(Authentication user) {
        return profiles.of(user.getName()).orElseThrow(() -> new NotFoundException("profile", user.getName()));
    }

    @PutMapping("/api/me/profile")
    PersonProfile changeMine(Authentication user, @Valid @RequestBody ProfileRequest change) {
        return profiles.change(user.getName(), change);
    }

    @GetMapping("/api/people/{userId}/profile")
    @PreAuthorize(GovernanceGroups.OFFICERS_ONLY)
    PersonProfile of(@PathVariable String userId) {
        return profiles.of(userId).orElseThrow(() -> new NotFoundException("profile", userId));
    }

    @PutMapping("/api/people/{userId}/profile")
    @PreAuthorize(GovernanceGroups.OFFICERS_ONLY)
    PersonProfile change(@PathVariable String userId, @Valid @RequestBody ProfileRequest change) {
        return profiles.change(userId, change);
    }
}
