/**
 * Who may do what: one set of users and groups (Camunda's identity service) for the webapps,
 * {@code /engine-rest} and {@code /api}; the governance groups and their Camunda
 * authorizations; the first administrator and the demo users.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security")
package org.bpogovernance.security;
