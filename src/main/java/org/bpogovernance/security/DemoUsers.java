package org.bpogovernance.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One demo user per governance group (and a second client representative who is on no
 * engagement), created only when {@code governance.demo.enabled} is true. Idempotent: an
 * existing user is left as an administrator may have changed it.
 */
@Component
@Order(2)
@ConditionalOnProperty(name = "governance.demo.enabled", havingValue = "true")
class DemoUsers implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);
    static final String PASSWORD = "demo";

    record DemoUser(String id, String firstName, String lastName, String groupId) {
        String email() {
            return id + "@demo.bpo-governance.example";
        }
    }

    static final List<DemoUser> USERS = List.of(
            new DemoUser("olivia", "Olivia", "Officer", GovernanceGroups.GOVERNANCE_OFFICERS),
            new DemoUser("clara", "Clara", "Client", GovernanceGroups.CLIENT_REPRESENTATIVES),
            new DemoUser("carl", "Carl", "Customer", GovernanceGroups.CLIENT_REPRESENTATIVES),
            new DemoUser("peter", "Peter", "Provider", GovernanceGroups.PROVIDER_MANAGERS),
            new DemoUser("sam", "Sam", "Sponsor", GovernanceGroups.EXECUTIVE_SPONSORS));

    private final IdentityService identityService;

    DemoUsers(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        for (DemoUser demo : USERS) {
            if (identityService.createUserQuery().userId(demo.id()).count() > 0) {
                continue;
            }
            var user = identityService.newUser(demo.id());
            user.setFirstName(demo.firstName());
            user.setLastName(demo.lastName());
            user.setEmail(demo.email());
            user.setPassword(PASSWORD);
            identityService.saveUser(user);
            identityService.createMembership(demo.id(), demo.groupId());
            log.info("Created demo user {} in {}", demo.id(), demo.groupId());
        }
    }
}
