package org.bpogovernance.security;

import java.util.List;

/** The candidate groups of the public contract; process models use the same ids. */
public final class GovernanceGroups {

    public static final String GOVERNANCE_OFFICERS = "governance-officers";
    public static final String CLIENT_REPRESENTATIVES = "client-representatives";
    public static final String PROVIDER_MANAGERS = "provider-managers";
    public static final String EXECUTIVE_SPONSORS = "executive-sponsors";
    /** Created by the Camunda starter for the first administrator. */
    public static final String CAMUNDA_ADMIN = "camunda-admin";

    public static final List<String> ALL = List.of(
            GOVERNANCE_OFFICERS, CLIENT_REPRESENTATIVES, PROVIDER_MANAGERS, EXECUTIVE_SPONSORS);

    /** Spring Security expression for endpoints reserved to governance officers (and admins). */
    public static final String OFFICERS_ONLY =
            "hasAnyAuthority('" + GOVERNANCE_OFFICERS + "', '" + CAMUNDA_ADMIN + "')";

    private GovernanceGroups() {
    }

    static String displayName(String groupId) {
        return switch (groupId) {
            case GOVERNANCE_OFFICERS -> "Governance officers";
            case CLIENT_REPRESENTATIVES -> "Client representatives";
            case PROVIDER_MANAGERS -> "Provider managers";
            case EXECUTIVE_SPONSORS -> "Executive sponsors";
            default -> groupId;
        };
    }
}
