package org.bpogovernance.partnership;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code governance.relationship-survey.*}: how often each engagement's people are asked (counted
 * from the start of the term), how long a round stays open, how many of a side must answer before
 * that side's figures are shown (fewer would tell who said what; a side all of whose people answered
 * is shown), and the index below which, or the gap between the sides above which, the relationship
 * goes on the agenda of the next management or executive call.
 */
@Validated
@ConfigurationProperties("governance.relationship-survey")
record RelationshipSurveySettings(@NotNull @DefaultValue("P6M") Period every,
        @NotNull @DefaultValue("P14D") Duration openFor,
        @Min(1) @DefaultValue("2") int minAnswersPerSide,
        @NotNull @DecimalMin("1") @DecimalMax("5") @DefaultValue("3.0") BigDecimal lowIndex,
        @NotNull @DecimalMin("0") @DecimalMax("4") @DefaultValue("1.0") BigDecimal wideGap) {
}
