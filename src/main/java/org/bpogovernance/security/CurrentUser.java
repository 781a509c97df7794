package org.bpogovernance.security;

import java.util.Optional;
import org.bpogovernance.platform.PortfolioAccess;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who is acting now: the user of an {@code /api} request, or the user Camunda runs a task
 * completion for (Tasklist, {@code /engine-rest}); empty for the engine's own jobs.
 */
@Component
public class CurrentUser implements PortfolioAccess {

    public static final String SYSTEM = "system";

    private final IdentityService identityService;

    CurrentUser(IdentityService identityService) {
        this.identityService = identityService;
    }

    public Optional<String> id() {
        var springAuthentication = SecurityContextHolder.getContext().getAuthentication();
        if (springAuthentication != null && springAuthentication.isAuthenticated()
                && springAuthentication.getName() != null && !"anonymousUser".equals(springAuthentication.getName())) {
            return Optional.of(springAuthentication.getName());
        }
        var engineAuthentication = identityService.getCurrentAuthentication();
        return engineAuthentication == null ? Optional.empty() : Optional.ofNullable(engineAuthentication.getUserId());
    }

    /**
     * Whether the caller may see every engagement: governance officers and administrators, and
     * the engine itself when no person is acting.
     */
    @Override
    public boolean seesEverything() {
        var springAuthentication = SecurityContextHolder.getContext().getAuthentication();
        if (springAuthentication != null && springAuthentication.isAuthenticated()
                && !"anonymousUser".equals(springAuthentication.getName())) {
            return springAuthentication.getAuthorities().stream().anyMatch(authority ->
                    authority.getAuthority().equals(GovernanceGroups.GOVERNANCE_OFFICERS)
                            || authority.getAuthority().equals(GovernanceGroups.CAMUNDA_ADMIN));
        }
        var engineAuthentication = identityService.getCurrentAuthentication();
        return engineAuthentication == null || engineAuthentication.getGroupIds() != null
                && (engineAuthentication.getGroupIds().contains(GovernanceGroups.GOVERNANCE_OFFICERS)
                        || engineAuthentication.getGroupIds().contains(GovernanceGroups.CAMUNDA_ADMIN));
    }

    /** The acting user, or {@value #SYSTEM} when the engine acts by itself (timers, jobs). */
    public String idOrSystem() {
        return id().orElse(SYSTEM);
    }
}
