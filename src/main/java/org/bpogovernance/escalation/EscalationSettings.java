package org.bpogovernance.escalation;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code governance.escalations.response-time.*}: how long each level of the ladder has to respond
 * (resolve, or pass it up) before the escalation moves up by itself, by severity.
 */
@Validated
@ConfigurationProperties("governance.escalations.response-time")
record EscalationSettings(
        @NotNull @DefaultValue("P5D") Duration low,
        @NotNull @DefaultValue("P2D") Duration medium,
        @NotNull @DefaultValue("P1D") Duration high,
        @NotNull @DefaultValue("PT8H") Duration critical) {

    Duration responseTime(Escalation.Severity severity) {
        return switch (severity) {
            case LOW -> low;
            case MEDIUM -> medium;
            case HIGH -> high;
            case CRITICAL -> critical;
        };
    }
}
