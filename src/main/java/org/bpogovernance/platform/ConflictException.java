package org.bpogovernance.platform;

/** The request is well-formed but clashes with the current state (a second sign-off, a stale copy): 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String detail) {
        super(detail);
    }
}
