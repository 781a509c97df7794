/**
 * Engagements: a client, a provider, a contract term and the people on both sides; the
 * {@code engagement-lifecycle} process that moves an engagement through its phases, and the
 * {@code engagement-onboarding} process in which both parties agree how it will be governed.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Engagement")
package org.bpogovernance.engagement;
