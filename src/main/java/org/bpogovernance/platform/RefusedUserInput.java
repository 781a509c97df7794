package org.bpogovernance.platform;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A person's input in Tasklist or through {@code /engine-rest} that a process step refused
 * (see {@link UserInput}); the message names the field. The engine plugin and the engine-rest
 * error mapping turn it into a 400 wherever Camunda would otherwise answer 500.
 */
public class RefusedUserInput extends BadUserRequestException {

    RefusedUserInput(String message, Throwable cause) {
        super(message, cause);
    }
}
