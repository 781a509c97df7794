package org.bpogovernance.security;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The first administrator comes from {@code governance.admin.*} (bound to Camunda's
 * {@code camunda.bpm.admin-user}, which would silently use the user id as password). A blank
 * value stops the start-up before anything else happens, naming the property; the postgres
 * profile has no default, so production cannot start without one. Registered in
 * {@code META-INF/spring.factories}.
 */
class AdminSettingsCheck implements EnvironmentPostProcessor {

    static final String USERNAME = "governance.admin.username";
    static final String PASSWORD = "governance.admin.password";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        for (String property : new String[] {USERNAME, PASSWORD}) {
            String value = environment.getProperty(property);
            if (value == null || value.isBlank()) {
                throw new InvalidConfigurationPropertyValueException(property, value,
                        "The first administrator needs it; set " + property + " (environment variable "
                                + (property.equals(PASSWORD) ? "GOVERNANCE_ADMIN_PASSWORD" : "GOVERNANCE_ADMIN_USER") + ").");
            }
        }
    }
}
