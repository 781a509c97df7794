package org.bpogovernance.security;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The first administrator. The Camunda starter creates it from {@code camunda.bpm.admin-user},
 * which is bound to these values; validating here makes a missing production password stop
 * the start-up with the property's name instead of falling back to the user id.
 */
@Validated
@ConfigurationProperties("governance.admin")
public record AdminSettings(@NotBlank String username, @NotBlank String password) {
}
