package org.bpogovernance.security;

import java.util.List;
import org.bpogovernance.platform.EngineAsSystem;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/**
 * Who may take over an engagement's officer work besides its named governance officer: the
 * officer teams (Camunda groups of type {@value #GROUP_TYPE}) that officer belongs to. A small
 * office that forms no teams is one team, {@code governance-officers}. Process models name these
 * groups as candidates of the officer's tasks ({@code ${officerTeams.of(governanceOfficer)}}), so
 * the tasks — and the grants Camunda gives their candidate groups — grow with a team's
 * engagements, not with the portfolio (docs/operations.md, "Officer teams").
 */
@Component("officerTeams")
public class OfficerTeams {

    public static final String GROUP_TYPE = "officer-team";

    private final IdentityService identityService;
    private final EngineAsSystem asSystem;

    OfficerTeams(IdentityService identityService, EngineAsSystem asSystem) {
        this.identityService = identityService;
        this.asSystem = asSystem;
    }

    /** Every officer team. */
    public List<String> all() {
        return asSystem.call(() -> identityService.createGroupQuery().groupType(GROUP_TYPE).orderByGroupId().asc().list()
                .stream().map(Group::getId).toList());
    }

    /** The candidate groups of the work of this officer's engagements. */
    public List<String> of(String governanceOfficer) {
        if (governanceOfficer == null || governanceOfficer.isBlank()) {
            return List.of(GovernanceGroups.GOVERNANCE_OFFICERS);
        }
        // as the service: the person whose step creates the officer's task may not read the team
        List<String> teams = asSystem.call(() -> identityService.createGroupQuery().groupMember(governanceOfficer)
                .groupType(GROUP_TYPE).orderByGroupId().asc().list().stream().map(Group::getId).toList());
        return teams.isEmpty() ? List.of(GovernanceGroups.GOVERNANCE_OFFICERS) : teams;
    }
}
