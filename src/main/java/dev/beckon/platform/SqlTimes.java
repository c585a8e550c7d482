package dev.beckon.platform;

import java.sql.Timestamp;
import java.time.Instant;

/** Reading times from JDBC rows, where a column left empty is null. */
public final class SqlTimes {

    private SqlTimes() {
    }

    public static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
