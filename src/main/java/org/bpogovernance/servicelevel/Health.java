package org.bpogovernance.servicelevel;

/** A measurement against its metric's thresholds, as the kpi-health decision table rates it. */
public enum Health {
    GREEN, AMBER, RED
}
