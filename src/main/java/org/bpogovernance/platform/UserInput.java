package org.bpogovernance.platform;

import java.util.function.Supplier;

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

    public static <T> T check(Supplier<T> action) {
        try {
            return action.get();
        } catch (InvalidInputException | ConflictException | NotFoundException rejected) {
            throw new RefusedUserInput(rejected.getMessage(), rejected);
        }
    }
}
