package org.bpogovernance.platform;

/** A request body over the configured limit: 413, nothing read further, nothing stored. */
public class PayloadTooLargeException extends RuntimeException {

    public PayloadTooLargeException(String detail) {
        super(detail);
    }
}
