package org.bpogovernance.platform;

import java.sql.SQLException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;

/**
 * Turns a start-up failure caused by the database settings into a message that names the
 * properties (and their environment variables) to fix, instead of a driver stack trace.
 * Registered in {@code META-INF/spring.factories}.
 */
class DatabaseSettingsFailureAnalyzer implements FailureAnalyzer {

    private static final String SETTINGS = "spring.datasource.url (GOVERNANCE_DB_URL), "
            + "spring.datasource.username (GOVERNANCE_DB_USER) and spring.datasource.password (GOVERNANCE_DB_PASSWORD)";

    private final Environment environment;

    DatabaseSettingsFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        String url = environment.getProperty("spring.datasource.url", "");
        if (!url.startsWith("jdbc:")) {
            return new FailureAnalysis(
                    "spring.datasource.url (GOVERNANCE_DB_URL) is not a JDBC URL: '" + url + "'.",
                    "Set spring.datasource.url to a URL such as jdbc:postgresql://localhost:5432/governance.",
                    failure);
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException || String.valueOf(cause.getMessage()).contains("jdbcUrl")) {
                return new FailureAnalysis(
                        "The database at spring.datasource.url=" + url + " could not be used: " + rootMessage(cause),
                        "Check " + SETTINGS + ", and that the database server is running.",
                        failure);
            }
        }
        return null;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
