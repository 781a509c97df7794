package org.bpogovernance.notification;

/** A mail as its recipient reads it: subject, plain-text part and HTML part. */
record RenderedMail(String subject, String text, String html) {
}
