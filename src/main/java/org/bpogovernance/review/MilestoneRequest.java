package org.bpogovernance.review;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A milestone as an officer adds or changes it; the version is required when changing. */
public record MilestoneRequest(
        @NotBlank @Size(max = 200) String title,
        @NotNull LocalDate dueDate,
        @NotBlank @Size(max = 64) String owner,
        @Size(max = 2000) String acceptanceCriteria,
        Milestone.Status status,
        Long version) {
}
