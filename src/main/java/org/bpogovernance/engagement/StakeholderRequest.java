package org.bpogovernance.engagement;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A person to add to an engagement's stakeholder map. */
public record StakeholderRequest(
        @NotBlank @Size(max = 64) String userId,
        @NotNull Side side,
        @NotNull StakeholderRole role,
        @Min(1) @Max(3) Integer escalationLevel) {
}
