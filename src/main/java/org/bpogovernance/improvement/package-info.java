/**
 * Continuous improvement: initiatives either side proposes, both sides assess, the right tier
 * decides, and approved ones run as pilots with milestones until a benefits review compares their
 * service metric before and after ({@code improvement-initiative}, decided by {@code initiative-triage}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Improvement")
package org.bpogovernance.improvement;
