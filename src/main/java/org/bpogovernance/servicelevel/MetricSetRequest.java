package org.bpogovernance.servicelevel;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.YearMonth;
import java.util.List;

/** An engagement's whole set of metrics, in force from a period (yyyy-mm). */
public record MetricSetRequest(@NotNull YearMonth effectiveFrom, @NotEmpty @Valid List<MetricDefinition> metrics) {
}
