package org.bpogovernance.improvement;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;

/**
 * What a person proposes: the problem, the idea, the benefit expected of it (on a service metric
 * where there is one: its baseline, measured when not given, and the target), size, effort and risk.
 */
public record InitiativeProposal(
        @Schema(example = "Shorter hold times through a callback option", maxLength = 200) String title,
        @Schema(example = "Callers wait more than four minutes at peak hours", maxLength = 2000) String problem,
        @Schema(example = "Offer a callback when the queue is longer than two minutes", maxLength = 2000) String idea,
        @Schema(description = "Code of one of the engagement's service metrics the benefit shows in", example = "AHT")
        String metricCode,
        @Schema(description = "The metric's value today; the latest measurement when not given") BigDecimal baseline,
        @Schema(description = "The value the initiative aims for; required with a metric") BigDecimal target,
        Initiative.Size size,
        @Schema(description = "Person-days of effort, both sides together", example = "8") Integer effortDays,
        Initiative.Risk risk) {
}
