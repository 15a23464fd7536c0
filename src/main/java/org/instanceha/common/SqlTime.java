package org.instanceha.common;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;

/** Reads a UTC timestamp column (stored without zone) as a {@link LocalDateTime}, null stays null. */
public final class SqlTime {

    private SqlTime() {
    }

    public static LocalDateTime read(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toLocalDateTime();
    }
}
