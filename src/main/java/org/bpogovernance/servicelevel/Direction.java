package org.bpogovernance.servicelevel;

/** Whether a higher or a lower value is better (availability vs. handling time). */
public enum Direction {
    HIGHER_IS_BETTER, LOWER_IS_BETTER
}
