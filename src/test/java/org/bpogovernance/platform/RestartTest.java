package org.bpogovernance.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.bpogovernance.audit.AuditTrail;
import org.bpogovernance.testing.RunningService;
import org.bpogovernance.testing.TestDatabase;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.data.domain.Pageable;
import org.springframework.transaction.support.TransactionTemplate;

/** Stopping and starting the service keeps every record and deploys nothing twice. */
@Tag("database")
@Tag("own-jvm")
@ExtendWith(TestDatabase.class)
class RestartTest {

    final String dataDir = "./target/test-data/restart-" + UUID.randomUUID();
    final String marker = UUID.randomUUID().toString();
    final String userId = "restart-" + marker.substring(0, 8);

    @Test
    void aRestartKeepsTheDataAndDeploysNothingNew() {
        long deploymentsAfterFirstStart;
        try (RunningService first = RunningService.start(dataDir)) {
            deploymentsAfterFirstStart = first.bean(RepositoryService.class).createDeploymentQuery().count();
            var user = first.bean(IdentityService.class).newUser(userId);
            user.setPassword("Restart-secret-1!");
            first.bean(IdentityService.class).saveUser(user);
            first.bean(TransactionTemplate.class).executeWithoutResult(
                    status -> first.bean(AuditTrail.class).record("restart-check", marker, "WRITTEN", "before restart"));
        }

        try (RunningService second = RunningService.start(dataDir)) {
            RepositoryService repositoryService = second.bean(RepositoryService.class);
            assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deploymentsAfterFirstStart);
            assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("deployment-check")
                    .latestVersion().singleResult().getVersion()).isEqualTo(1);
            assertThat(second.bean(IdentityService.class).checkPassword(userId, "Restart-secret-1!")).isTrue();
            assertThat(second.bean(AuditTrail.class).of("restart-check", marker, Pageable.unpaged()).getContent())
                    .singleElement().satisfies(entry -> assertThat(entry.getDetails()).isEqualTo("before restart"));
        }
    }
}
