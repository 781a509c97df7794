package org.bpogovernance.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.bpogovernance.GovernanceApplication;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A badly configured service refuses to start and says which property to fix. */
@Tag("own-jvm")
@ExtendWith(OutputCaptureExtension.class)
class StartupChecksTest {

    final String dataDir = "--governance.data-dir=./target/test-data/startup-" + UUID.randomUUID();

    @Test
    void productionRefusesToStartWithoutAnAdminPassword(CapturedOutput output) {
        assertThatThrownBy(() -> start("postgres", "--governance.admin.password="))
                .hasMessageContaining("governance.admin.password");
        assertThat(output).contains("APPLICATION FAILED TO START", "governance.admin.password", "GOVERNANCE_ADMIN_PASSWORD");
    }

    @Test
    void aDatasourceUrlThatIsNoJdbcUrlIsNamed(CapturedOutput output) {
        assertThatThrownBy(() -> start("test", "--spring.datasource.url=postgres://localhost/governance"));
        assertThat(output).contains("APPLICATION FAILED TO START",
                "spring.datasource.url (GOVERNANCE_DB_URL) is not a JDBC URL: 'postgres://localhost/governance'");
    }

    @Test
    void anUnreachableDatabaseIsNamedWithItsProperties(CapturedOutput output) {
        assertThatThrownBy(() -> start("test", "--spring.datasource.url=jdbc:postgresql://127.0.0.1:9/governance",
                "--spring.datasource.hikari.connection-timeout=2000"));
        assertThat(output).contains("APPLICATION FAILED TO START",
                "The database at spring.datasource.url=jdbc:postgresql://127.0.0.1:9/governance could not be used",
                "spring.datasource.username (GOVERNANCE_DB_USER)");
        assertThat(output).doesNotContain("admin-test-password");
    }

    private void start(String profile, String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--server.port=0";
        all[args.length + 1] = dataDir;
        new SpringApplicationBuilder(GovernanceApplication.class).profiles(profile).run(all).close();
    }
}
