package org.bpogovernance.servicelevel;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One value for one metric (its code) and period (yyyy-mm), as sent in JSON or a CSV line. Values
 * are kept to four decimal places (rounded half up), as stored.
 */
public record MeasurementInput(
        @NotBlank @Size(max = 40) String metric,
        @NotBlank @Pattern(regexp = "\\d{4}-(0[1-9]|1[0-2])", message = "must be a month as yyyy-mm") String period,
        @NotNull @DecimalMin(value = "-999999999999999.9999", message = MAGNITUDE)
        @DecimalMax(value = "999999999999999.9999", message = MAGNITUDE) BigDecimal value,
        @Size(max = 1000) String comment) {

    static final String MAGNITUDE = "must have at most 15 digits before the decimal point";
    static final int SCALE = 4;

    /** The value as stored and compared: four decimal places. */
    BigDecimal storedValue() {
        return value.setScale(SCALE, RoundingMode.HALF_UP);
    }
}
