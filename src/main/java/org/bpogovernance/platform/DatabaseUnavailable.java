package org.bpogovernance.platform;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure means the database could not be reached, however deep the engine, JPA or
 * the connection pool wrapped it; such a request is answered 503 with {@link #problem()}, never 500.
 */
public final class DatabaseUnavailable {

    public static final String DETAIL = "The database is not reachable or too busy to answer; nothing was changed. Try again shortly.";
    public static final String RETRY_AFTER_SECONDS = "10";

    private DatabaseUnavailable() {
    }

    public static boolean causedBy(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 32; cause = cause.getCause(), depth++) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
            // SQL state class 08: connection exception; 57P01-57P03: the PostgreSQL server is shutting down or starting.
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            // a connection that broke mid-transaction: the rollback fails too and replaces the first error
            if (cause instanceof SQLException closed && "Connection is closed".equals(closed.getMessage())
                    || cause instanceof org.hibernate.TransactionException failed
                    && String.valueOf(failed.getMessage()).startsWith("Unable to rollback")) {
                return true;
            }
            if (cause.getCause() == cause) {
                return false;
            }
        }
        return false;
    }

    public static ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, DETAIL);
        problem.setTitle("Database unavailable");
        return problem;
    }
}
