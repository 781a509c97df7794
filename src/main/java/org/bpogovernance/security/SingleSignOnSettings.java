package org.bpogovernance.security;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code governance.single-sign-on.*} (profile {@code oidc}): which client registration of
 * {@code spring.security.oauth2.client} people sign in with, and which claims of its tokens name
 * the person and their groups; which group values are the four governance groups.
 */
@Validated
@ConfigurationProperties("governance.single-sign-on")
record SingleSignOnSettings(
        /** The registration id under spring.security.oauth2.client.registration. */
        @NotBlank @DefaultValue("organisation") String registration,
        /** The claim that is the person's user name here; "sub" when a token lacks it. */
        @NotBlank @DefaultValue("preferred_username") String userIdClaim,
        @NotBlank @DefaultValue("given_name") String firstNameClaim,
        @NotBlank @DefaultValue("family_name") String lastNameClaim,
        @NotBlank @DefaultValue("email") String emailClaim,
        /** The claim listing the person's groups or roles (a list, or one value). */
        @NotBlank @DefaultValue("groups") String groupsClaim,
        /** Governance group id → the value in the groups claim that means it. */
        @DefaultValue Map<String, String> groups) {

    @AssertTrue(message = "maps only governance-officers, client-representatives, provider-managers and executive-sponsors")
    boolean isGroupsGovernanceGroups() {
        return groups == null || GovernanceGroups.ALL.containsAll(groups.keySet());
    }
}
