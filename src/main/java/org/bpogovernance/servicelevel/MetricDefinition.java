package org.bpogovernance.servicelevel;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * A metric as an officer defines it. For higher-is-better metrics the breach threshold lies
 * at or below the warning threshold, which lies at or below the target; lower-is-better the
 * other way round.
 */
public record MetricDefinition(
        @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]*",
                message = "may contain letters, digits, _ and - only") String code,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 2000) String description,
        @NotBlank @Size(max = 40) String unit,
        @NotNull Direction direction,
        @NotNull @DecimalMin(value = "-999999999999999.9999", message = MeasurementInput.MAGNITUDE)
        @DecimalMax(value = "999999999999999.9999", message = MeasurementInput.MAGNITUDE) BigDecimal target,
        @NotNull @DecimalMin(value = "-999999999999999.9999", message = MeasurementInput.MAGNITUDE)
        @DecimalMax(value = "999999999999999.9999", message = MeasurementInput.MAGNITUDE) BigDecimal warning,
        @NotNull @DecimalMin(value = "-999999999999999.9999", message = MeasurementInput.MAGNITUDE)
        @DecimalMax(value = "999999999999999.9999", message = MeasurementInput.MAGNITUDE) BigDecimal breach,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") BigDecimal weight,
        @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal creditPercentPerBreach,
        @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal creditCapPercent,
        @Min(0) @Max(24) int earnBackAfterGoodPeriods) {

    /** Same definition, whatever its code: a version is only written when this changes. */
    boolean sameAs(MetricDefinition other) {
        return name.equals(other.name) && java.util.Objects.equals(description, other.description)
                && unit.equals(other.unit) && direction == other.direction
                && target.compareTo(other.target) == 0 && warning.compareTo(other.warning) == 0
                && breach.compareTo(other.breach) == 0 && weight.compareTo(other.weight) == 0
                && creditPercentPerBreach.compareTo(other.creditPercentPerBreach) == 0
                && creditCapPercent.compareTo(other.creditCapPercent) == 0
                && earnBackAfterGoodPeriods == other.earnBackAfterGoodPeriods;
    }
}
