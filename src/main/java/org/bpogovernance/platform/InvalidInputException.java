package org.bpogovernance.platform;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Input that breaks a business rule, naming each field (or line) at fault: 400. Thrown before
 * anything is written, or inside the transaction that it then rolls back.
 */
public class InvalidInputException extends RuntimeException {

    public record Violation(String field, String message) {
    }

    /** How many violations an answer lists; a file with thousands of bad lines gets these and the count. */
    public static final int LISTED = 100;

    private final List<Violation> violations;

    public InvalidInputException(String field, String message) {
        this(List.of(new Violation(field, message)));
    }

    public InvalidInputException(List<Violation> violations) {
        super(violations.stream().limit(LISTED).map(v -> v.field() + ": " + v.message())
                .collect(Collectors.joining("; ")) + (violations.size() > LISTED
                        ? "; and " + (violations.size() - LISTED) + " more" : ""));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an InvalidInputException needs at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
