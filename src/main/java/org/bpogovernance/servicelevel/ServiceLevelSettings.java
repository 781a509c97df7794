package org.bpogovernance.servicelevel;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code governance.service-levels.*}: the day of the month by which a period's performance data
 * is due; on that day, at 09:00 in the engagement's time zone, the provider is asked for what is
 * still missing.
 */
@Validated
@ConfigurationProperties("governance.service-levels")
record ServiceLevelSettings(@Min(1) @Max(28) @DefaultValue("5") int performanceDataDueDay) {
}
