package org.bpogovernance.action;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code governance.actions.*}: how long after an action item's due date its owner's escalation
 * contact, who is told at once, has before an escalation starts.
 */
@Validated
@ConfigurationProperties("governance.actions")
record ActionSettings(@NotNull @DefaultValue("P3D") Duration overdueGracePeriod) {
}
