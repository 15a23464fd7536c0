package org.instanceha.common;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Whether an error means that the database cannot be reached (down, restarting, the network to it cut):
 * a 503 for the caller, to try again shortly, not a 500. Recognised by the cause chain: a connection
 * exception of JDBC, or an SQL state of class 08 (connection exception) or 57P (PostgreSQL's operator
 * intervention: admin shutdown, crash shutdown, cannot connect now).
 */
public final class DatabaseUnavailable {

    private DatabaseUnavailable() {
    }

    public static boolean causes(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            if (t instanceof org.springframework.dao.DataAccessResourceFailureException) {
                return true;
            }
        }
        return false;
    }
}
