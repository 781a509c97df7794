package org.bpogovernance.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bpogovernance.testing.GovernanceTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine checks rights with the person's own groups: no other plugin or upgrade has put
 * Camunda's manager back, which reads every group of the authorization table per command
 * (what the checks answer is covered by the isolation tests, which run through it).
 */
@GovernanceTest
class AuthorizationChecksWithOwnGroupsTest {

    @Autowired
    ProcessEngine processEngine;

    @Test
    void theEngineChecksRightsWithThePersonsOwnGroups() {
        var configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        Session manager = configuration.getSessionFactories().get(AuthorizationManager.class).openSession();

        assertThat(manager).isInstanceOf(AuthorizationChecksWithOwnGroups.OwnGroupsAuthorizationManager.class);
        assertThat(((AuthorizationManager) manager).filterAuthenticatedGroupIds(
                List.of("client-representatives", "a-group-without-grants", "client-representatives")))
                .as("every group of the person, once, without reading the authorization table")
                .containsExactly("client-representatives", "a-group-without-grants");
    }
}
