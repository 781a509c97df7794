package org.bpogovernance.platform;

/** An id in the request names nothing that exists (or nothing the caller may see): 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " does not exist");
    }
}
