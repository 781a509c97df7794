package org.bpogovernance.engagement;

import jakarta.validation.Validator;
import jakarta.validation.groups.Default;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bpogovernance.platform.BeanValidation;
import org.bpogovernance.platform.InvalidInputException.Violation;
import org.bpogovernance.platform.InvalidInputException;
import org.bpogovernance.platform.PeopleDates;
import org.bpogovernance.security.UserDirectory;
import org.springframework.stereotype.Component;

/** The checks every registration and change passes, whether it comes from the API or Tasklist. */
@Component
class EngagementRules {

    private final Validator validator;
    private final UserDirectory users;

    EngagementRules(Validator validator, UserDirectory users) {
        this.validator = validator;
        this.users = users;
    }

    void checkRegistration(EngagementRequest request) {
        List<Violation> violations = check(request, EngagementRequest.Registration.class);
        requireUser(violations, "clientRepresentative", request.clientRepresentative());
        requireUser(violations, "providerManager", request.providerManager());
        requireUser(violations, "governanceOfficer", request.governanceOfficer());
        if (request.clientRepresentative() != null && request.clientRepresentative().equals(request.providerManager())) {
            violations.add(new Violation("providerManager",
                    "must be another person than the client representative: one person cannot sit on both sides"));
        }
        throwIfAny(violations);
    }

    void checkChange(EngagementRequest request) {
        throwIfAny(check(request, EngagementRequest.Change.class));
    }

    private List<Violation> check(EngagementRequest request, Class<?> group) {
        if (request == null) {
            throw new InvalidInputException("body", "is missing");
        }
        List<Violation> violations = BeanValidation.violations(validator, request, Default.class, group);
        if (request.termStart() != null && request.termEnd() != null) {
            if (!request.termEnd().isAfter(request.termStart())) {
                violations.add(new Violation("termEnd", "must be after the term start (" + PeopleDates.day(request.termStart()) + ")"));
            } else if (request.noticePeriodDays() != null) {
                long termDays = ChronoUnit.DAYS.between(request.termStart(), request.termEnd());
                if (request.noticePeriodDays() >= termDays) {
                    violations.add(new Violation("noticePeriodDays",
                            "must be shorter than the term (" + termDays + " days)"));
                }
            }
        }
        if (request.timeZone() != null && !request.timeZone().isBlank()) {
            try {
                ZoneId.of(request.timeZone().trim());
            } catch (DateTimeException unknown) {
                violations.add(new Violation("timeZone", "is not a known time zone (for example Europe/Berlin)"));
            }
        }
        if (request.tiers() != null) {
            Set<TierLevel> seen = new HashSet<>();
            for (int i = 0; i < request.tiers().size(); i++) {
                var tier = request.tiers().get(i);
                if (tier != null && tier.tier() != null && !seen.add(tier.tier())) {
                    violations.add(new Violation("tiers[" + i + "].tier", "appears twice"));
                }
            }
        }
        return violations;
    }

    /** A given user id must name a known user; a missing one is reported by the field's own rule. */
    private void requireUser(List<Violation> violations, String field, String userId) {
        if (userId != null && !userId.isBlank() && !users.exists(userId.trim())) {
            violations.add(new Violation(field, "is not a known user: " + userId));
        }
    }

    private static void throwIfAny(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }
}
