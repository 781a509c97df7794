package org.bpogovernance.engagement;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * An engagement as registered ({@code POST}) or changed ({@code PUT}) through the API or the
 * Tasklist start form. The signers are required when registering; the version when changing.
 */
public record EngagementRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 200) String client,
        @NotBlank @Size(max = 200) String provider,
        @NotBlank @Size(max = 2000) String serviceScope,
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._/-]*",
                message = "may contain letters, digits and . _ / - only") String contractReference,
        @NotNull LocalDate termStart,
        @NotNull LocalDate termEnd,
        @NotNull @PositiveOrZero @Max(3650) Integer noticePeriodDays,
        @NotBlank @Size(max = 64) String timeZone,
        @Size(max = 500) String siteAddress,
        @Size(max = 500) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) address") String remoteMeetingLink,
        @Valid @Size(max = 3) List<Tier> tiers,
        @NotBlank(groups = Registration.class) @Size(max = 64) String clientRepresentative,
        @NotBlank(groups = Registration.class) @Size(max = 64) String providerManager,
        @Size(max = 64) String governanceOfficer,
        @NotNull(groups = Change.class) Long version) {

    public record Tier(@NotNull TierLevel tier, @NotNull Cadence cadence,
            @NotNull @Min(15) @Max(480) Integer meetingMinutes) {
    }

    /** Validation group: registering a new engagement. */
    public interface Registration {
    }

    /** Validation group: changing an existing one. */
    public interface Change {
    }

    EngagementTerms terms() {
        List<GovernanceTier> governanceTiers = tiers == null || tiers.isEmpty()
                ? EngagementTerms.DEFAULT_TIERS
                : tiers.stream().map(t -> new GovernanceTier(t.tier(), t.cadence(), t.meetingMinutes())).toList();
        return new EngagementTerms(name.trim(), client.trim(), provider.trim(), serviceScope.trim(),
                contractReference.trim(), termStart, termEnd, noticePeriodDays, timeZone.trim(),
                blankToNull(siteAddress), blankToNull(remoteMeetingLink), governanceTiers);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
