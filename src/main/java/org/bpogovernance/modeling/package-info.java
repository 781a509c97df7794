/**
 * The officers' modelling loop: which versions of each process are deployed, by whom and when, and
 * how many engagements still run on each.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Modeling")
package org.bpogovernance.modeling;
