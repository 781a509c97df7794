/**
 * The end of a term: when the renewal window opens, the steering committee's decision to
 * renew or exit ({@code renewal-review}), and the exit and transition ({@code engagement-exit}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Renewal")
package org.bpogovernance.renewal;
