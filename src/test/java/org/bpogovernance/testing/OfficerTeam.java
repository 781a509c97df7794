package org.bpogovernance.testing;

import org.bpogovernance.security.OfficerTeams;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;

/** An officer team formed for one test, as an administrator forms one in Admin; closing it dissolves it. */
public final class OfficerTeam implements AutoCloseable {

    private final IdentityService identityService;
    private final String id;

    private OfficerTeam(IdentityService identityService, String id) {
        this.identityService = identityService;
        this.id = id;
    }

    public static OfficerTeam form(IdentityService identityService, String id, String... officers) {
        OfficerTeam team = new OfficerTeam(identityService, id);
        Group group = identityService.newGroup(id);
        group.setName("Officer team " + id);
        group.setType(OfficerTeams.GROUP_TYPE);
        identityService.saveGroup(group);
        try {
            for (String officer : officers) {
                identityService.createMembership(officer, id);
            }
        } catch (RuntimeException failed) {
            team.close();
            throw failed;
        }
        return team;
    }

    public String id() {
        return id;
    }

    @Override
    public void close() {
        identityService.deleteGroup(id);
    }
}
