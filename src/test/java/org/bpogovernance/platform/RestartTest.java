package org.bpogovernance.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.bpogovernance.GovernanceApplication;
import org.bpogovernance.audit.AuditTrail;
import org.bpogovernance.testing.TestDatabase;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.domain.Pageable;
import org.springframework.transaction.support.TransactionTemplate;

/** Stopping and starting the service keeps every record and deploys nothing twice. */
@Tag("database")
@Tag("own-jvm")
@ExtendWith(TestDatabase.class)
class RestartTest {

    final String dataDir = "./target/test-data/restart-" + UUID.randomUUID();
    final String marker = UUID.randomUUID().toString();

    @Test
    void aRestartKeepsTheDataAndDeploysNothingNew() {
        long deploymentsAfterFirstStart;
        try (ConfigurableApplicationContext first = start()) {
            deploymentsAfterFirstStart = first.getBean(RepositoryService.class).createDeploymentQuery().count();
            var user = first.getBean(IdentityService.class).newUser("restart-" + marker.substring(0, 8));
            user.setPassword("secret");
            first.getBean(IdentityService.class).saveUser(user);
            first.getBean(TransactionTemplate.class).executeWithoutResult(
                    status -> first.getBean(AuditTrail.class).record("restart-check", marker, "WRITTEN", "before restart"));
        }

        try (ConfigurableApplicationContext second = start()) {
            RepositoryService repositoryService = second.getBean(RepositoryService.class);
            assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deploymentsAfterFirstStart);
            assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("deployment-check")
                    .latestVersion().singleResult().getVersion()).isEqualTo(1);
            assertThat(second.getBean(IdentityService.class).checkPassword("restart-" + marker.substring(0, 8), "secret"))
                    .isTrue();
            assertThat(second.getBean(AuditTrail.class).of("restart-check", marker, Pageable.unpaged()).getContent())
                    .singleElement().satisfies(entry -> assertThat(entry.getDetails()).isEqualTo("before restart"));
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(GovernanceApplication.class)
                .profiles(new TestDatabase().resolve(RestartTest.class))
                .run("--server.port=0", "--governance.data-dir=" + dataDir);
    }
}
