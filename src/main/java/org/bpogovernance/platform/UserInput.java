package org.bpogovernance.platform;

import java.util.function.Supplier;
import org.springframework.security.access.AccessDeniedException;

/**
 * Runs a service call made for a person's action in Tasklist (a start form, a completed task):
 * a rule the input breaks becomes {@link RefusedUserInput}, which Tasklist and
 * {@code /engine-rest} show as a 400 with the message naming the field, and the whole command
 * (task completion included) rolls back.
 */
public final class UserInput {

    private UserInput() {
    }

    public static void check(Runnable action) {
        check(() -> {
            action.run();
            return null;
        });
    }

    /**
     * The refusal behind an engine exception (a step refused a person's input while the engine ran
     * it), as the original exception, so {@code /api} answers it like any other; else the exception.
     */
    public static RuntimeException refusalIn(RuntimeException failure) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof RefusedUserInput refused && refused.getCause() instanceof RuntimeException original) {
                return original;
            }
        }
        return failure;
    }

    public static <T> T check(Supplier<T> action) {
        try {
            return action.get();
        } catch (InvalidInputException | ConflictException | NotFoundException | AccessDeniedException rejected) {
            throw new RefusedUserInput(rejected.getMessage(), rejected);
        }
    }
}
