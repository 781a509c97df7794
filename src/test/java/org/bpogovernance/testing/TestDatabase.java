package org.bpogovernance.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.ActiveProfilesResolver;

/**
 * Which database the integration tests run on, from the system property
 * {@code governance.test.database} ({@code h2} by default, {@code postgres} in the second
 * Surefire pass). On PostgreSQL the test database is created afresh once per test JVM. Where
 * PostgreSQL is not reachable the PostgreSQL pass is skipped with a message, except in CI
 * ({@code CI=true}), where it fails.
 */
public final class TestDatabase implements ActiveProfilesResolver, ExecutionCondition {

    static final String PROPERTY = "governance.test.database";
    static final String ADMIN_URL = System.getenv().getOrDefault("GOVERNANCE_TEST_DB_ADMIN_URL",
            "jdbc:postgresql://127.0.0.1:5432/postgres");
    static final String USER = System.getenv().getOrDefault("GOVERNANCE_TEST_DB_USER", "postgres");
    static final String PASSWORD = System.getenv().getOrDefault("GOVERNANCE_TEST_DB_PASSWORD", "");
    static final String DATABASE = testDatabaseName(System.getenv().getOrDefault("GOVERNANCE_TEST_DB_NAME", "governance_test"));

    private static volatile Boolean postgresPrepared;

    /** The database is dropped and created afresh: only a name that says it is a test database. */
    private static String testDatabaseName(String name) {
        if (!name.matches("[a-z][a-z0-9_]*_test")) {
            throw new IllegalStateException("GOVERNANCE_TEST_DB_NAME must end in _test (lower case, digits, _): " + name);
        }
        return name;
    }

    public static boolean onPostgres() {
        return "postgres".equalsIgnoreCase(System.getProperty(PROPERTY, "h2"));
    }

    @Override
    public String[] resolve(Class<?> testClass) {
        return onPostgres() ? new String[] {"postgres", "test", "test-postgres"} : new String[] {"test"};
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!onPostgres()) {
            return ConditionEvaluationResult.enabled("on H2");
        }
        if (!preparePostgres()) {
            String message = "PostgreSQL is not reachable at " + ADMIN_URL + " as " + USER
                    + ": the PostgreSQL pass is skipped (start PostgreSQL to run it)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(message + " — in CI it is mandatory");
            }
            return ConditionEvaluationResult.disabled(message);
        }
        return ConditionEvaluationResult.enabled("on PostgreSQL");
    }

    /**
     * A second, empty database on the same kind of server as the test database, for a benchmark's
     * baseline engine: a fresh H2 file, or a PostgreSQL database created afresh. Returns {url, user, password}.
     */
    public static String[] freshSideDatabase(String name) {
        if (!onPostgres()) {
            // the service's own H2 setting (application.yaml), so a baseline writes as durably as the service
            return new String[] {"jdbc:h2:file:./target/test-data/" + name + "-" + java.util.UUID.randomUUID() + ";WRITE_DELAY=0", "sa", ""};
        }
        try (Connection connection = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD);
                var statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException unreachable) {
            throw new IllegalStateException("cannot create the database " + name, unreachable);
        }
        return new String[] {ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + name, USER, PASSWORD};
    }

    /** Drops and creates the test database once per JVM; false when PostgreSQL is not there. */
    public static synchronized boolean preparePostgres() {
        if (postgresPrepared == null) {
            try (Connection connection = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD);
                    var statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
                statement.execute("CREATE DATABASE " + DATABASE);
                postgresPrepared = true;
            } catch (SQLException unreachable) {
                postgresPrepared = false;
            }
        }
        return postgresPrepared;
    }
}
