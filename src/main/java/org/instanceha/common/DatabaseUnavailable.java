package org.instanceha.common;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Whether an error means that the database cannot be reached (down, restarting, the network to it cut):
 * a 503 for the caller, to try again shortly, not a 500. Recognised by the cause chain (and the
 * exceptions suppressed along it): a connection exception of JDBC, an SQL state of class 08 (connection
 * exception) or 57P (PostgreSQL's operator intervention: admin shutdown, crash shutdown, cannot connect
 * now), Spring's resource failure, or a transaction that could not begin, commit or roll back.
 */
public final class DatabaseUnavailable {

    private DatabaseUnavailable() {
    }

    public static boolean causes(Throwable error) {
        return causes(error, 0);
    }

    private static boolean causes(Throwable error, int depth) {
        for (Throwable t = error; t != null && depth < 20; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof org.springframework.dao.DataAccessResourceFailureException
                    || t instanceof org.springframework.transaction.CannotCreateTransactionException
                    || t instanceof org.springframework.transaction.TransactionSystemException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (causes(suppressed, depth + 1)) {
                    return true;
                }
            }
        }
        return false;
    }
}
