package org.bpogovernance.engagement;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code governance.onboarding.*}: how long onboarding may take, and how often the officer and
 * sponsors hear about it once it overruns.
 */
@Validated
@ConfigurationProperties("governance.onboarding")
record OnboardingSettings(
        @NotNull @DefaultValue("P30D") Duration targetDuration,
        @NotNull @DefaultValue("P7D") Duration overrunReminderInterval,
        @Min(1) @Max(52) @DefaultValue("3") int overrunNotices) {
}
