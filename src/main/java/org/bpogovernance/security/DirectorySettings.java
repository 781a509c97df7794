package org.bpogovernance.security;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code governance.directory.*} (profile {@code ldap}): where the organisation's directory keeps
 * people and groups, and which of its groups are the four governance groups. The defaults fit
 * OpenLDAP ({@code inetOrgPerson}, {@code groupOfNames}); docs/security.md gives Active Directory's.
 * The server, base and bind account are Spring Boot's {@code spring.ldap.*}.
 */
@Validated
@ConfigurationProperties("governance.directory")
record DirectorySettings(
        /** Under the base: where people are ("ou=people"). */
        @NotNull @DefaultValue("ou=people") String usersBase,
        @NotBlank @DefaultValue("inetOrgPerson") String userObjectClass,
        /** The attribute people sign in with: uid (OpenLDAP), sAMAccountName (Active Directory). */
        @NotBlank @DefaultValue("uid") String userIdAttribute,
        @NotBlank @DefaultValue("givenName") String firstNameAttribute,
        @NotBlank @DefaultValue("sn") String lastNameAttribute,
        @NotBlank @DefaultValue("mail") String emailAttribute,
        /** Under the base: where groups are ("ou=groups"). */
        @NotNull @DefaultValue("ou=groups") String groupsBase,
        @NotBlank @DefaultValue("groupOfNames") String groupObjectClass,
        @NotBlank @DefaultValue("cn") String groupNameAttribute,
        /** The group attribute that holds its members' distinguished names. */
        @NotBlank @DefaultValue("member") String memberAttribute,
        /** Governance group id → the name of the directory group whose members belong to it. */
        @DefaultValue Map<String, String> groups,
        /** How often people, their names, mail addresses and groups are read from the directory again. */
        @NotNull @DefaultValue("PT15M") Duration syncEvery) {

    @AssertTrue(message = "maps only governance-officers, client-representatives, provider-managers and executive-sponsors")
    boolean isGroupsGovernanceGroups() {
        return groups == null || GovernanceGroups.ALL.containsAll(groups.keySet());
    }
}
