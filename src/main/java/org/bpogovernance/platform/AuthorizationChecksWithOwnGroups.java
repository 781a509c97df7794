package org.bpogovernance.platform;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Camunda checks a person's rights with the groups they belong to, and before every command that
 * checks anything it shortens that list to the groups that hold any authorization at all, read
 * with {@code SELECT DISTINCT GROUP_ID_} over the whole authorization table. With a group per
 * engagement that read grows with the portfolio: at 10 000 engagements (430 000 authorization
 * rows, 10 000 groups) it took 70–127 ms of every request on PostgreSQL, several times for one
 * Tasklist page (docs/benchmarks.md). The shortening changes no answer — a group without
 * authorizations matches no row — and here barely shortens anything (every engagement group holds
 * grants), so the checks use the person's own groups as they are.
 */
@Component
class AuthorizationChecksWithOwnGroups extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<SessionFactory> factories = configuration.getCustomSessionFactories() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomSessionFactories());
        // registered for the engine's own session type, so it replaces the engine's manager
        factories.add(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return AuthorizationManager.class;
            }

            @Override
            public Session openSession() {
                return new OwnGroupsAuthorizationManager();
            }
        });
        configuration.setCustomSessionFactories(factories);
    }

    static final class OwnGroupsAuthorizationManager extends AuthorizationManager {

        @Override
        public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
            return authenticatedGroupIds == null ? new ArrayList<>() : new ArrayList<>(new LinkedHashSet<>(authenticatedGroupIds));
        }
    }
}
