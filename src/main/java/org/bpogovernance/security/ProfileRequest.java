package org.bpogovernance.security;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Set;

/** A person's time zone (IANA, as "Asia/Kolkata") and working hours (a night shift ends before it starts). */
public record ProfileRequest(
        @NotBlank @Schema(example = "Asia/Kolkata") String timeZone,
        @NotNull @Schema(type = "string", example = "09:30") LocalTime workStarts,
        @NotNull @Schema(type = "string", example = "18:30") LocalTime workEnds,
        @NotEmpty @Schema(example = "[\"MONDAY\", \"TUESDAY\", \"WEDNESDAY\", \"THURSDAY\", \"FRIDAY\"]") Set<@NotNull DayOfWeek> workDays) {
}
