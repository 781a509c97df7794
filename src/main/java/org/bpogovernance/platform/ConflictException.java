package org.bpogovernance.platform;

/**
 * The request is well-formed but clashes with the current state (a second sign-off, a stale
 * copy, a duplicate key): 409, naming the field where one is at fault.
 */
public class ConflictException extends RuntimeException {

    private final String field;

    public ConflictException(String detail) {
        this(null, detail);
    }

    public ConflictException(String field, String detail) {
        super(field == null ? detail : field + ": " + detail);
        this.field = field;
    }

    /** The field at fault, or null. */
    public String field() {
        return field;
    }

    public String detail() {
        return field == null ? getMessage() : getMessage().substring(field.length() + 2);
    }
}
