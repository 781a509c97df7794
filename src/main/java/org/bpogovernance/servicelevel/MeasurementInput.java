package org.bpogovernance.servicelevel;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** One value for one metric (its code) and period (yyyy-mm), as sent in JSON or a CSV line. */
public record MeasurementInput(
        @NotBlank @Size(max = 40) String metric,
        @NotBlank @Pattern(regexp = "\\d{4}-(0[1-9]|1[0-2])", message = "must be a month as yyyy-mm") String period,
        @NotNull BigDecimal value,
        @Size(max = 1000) String comment) {
}
