package org.bpogovernance.engagement;

import jakarta.validation.Validator;
import java.util.List;
import org.bpogovernance.platform.BeanValidation;
import org.bpogovernance.platform.ConflictException;
import org.bpogovernance.platform.InvalidInputException.Violation;
import org.bpogovernance.platform.InvalidInputException;
import org.bpogovernance.security.UserDirectory;
import org.springframework.stereotype.Component;

/** A stakeholder is a known user, on one side only, in a role that fits the side. */
@Component
class StakeholderRules {

    private final Validator validator;
    private final UserDirectory users;

    StakeholderRules(Validator validator, UserDirectory users) {
        this.validator = validator;
        this.users = users;
    }

    void check(StakeholderRequest request, List<Stakeholder> current) {
        if (request == null) {
            throw new InvalidInputException("body", "is missing");
        }
        List<Violation> violations = BeanValidation.violations(validator, request);
        if (violations.isEmpty()) {
            String userId = request.userId().trim();
            if (!users.exists(userId)) {
                violations.add(new Violation("userId", "is not a known user: " + userId));
            }
            Side required = request.role().requiredSide();
            if (required != null && required != request.side()) {
                violations.add(new Violation("side", "must be " + required + " for the role " + request.role()));
            }
            current.stream().filter(s -> s.getUserId().equals(userId) && s.getSide() != request.side()).findFirst()
                    .ifPresent(other -> violations.add(new Violation("side", userId + " is already a " + other.getSide()
                            + "-side stakeholder; one person cannot sit on both sides")));
            if (violations.isEmpty() && current.stream()
                    .anyMatch(s -> s.getUserId().equals(userId) && s.getRole() == request.role())) {
                throw new ConflictException("userId", userId + " already holds the role " + request.role());
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }
}
