package org.bpogovernance.review;

/** The written part of a call's minutes, as recorded or reworked. */
public record MinutesText(String minutes, String decisions, String successes, String lessonsLearned, String risks) {
}
