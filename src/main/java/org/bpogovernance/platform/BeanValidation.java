package org.bpogovernance.platform;

import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import org.bpogovernance.platform.InvalidInputException.Violation;

/** Jakarta Validation results as our violations, each naming its field. */
public final class BeanValidation {

    private BeanValidation() {
    }

    /** The object's constraint violations (for the given groups); a mutable list to add business rules to. */
    public static List<Violation> violations(Validator validator, Object object, Class<?>... groups) {
        return new ArrayList<>(validator.validate(object, groups).stream()
                .map(v -> new Violation(v.getPropertyPath().toString(), v.getMessage()))
                .toList());
    }
}
