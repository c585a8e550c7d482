package dev.beckon.ingest;

import java.sql.SQLException;

/** Tells a failure caused by a message (dead-letter it) from one caused by the infrastructure (retry later). */
final class Failures {

    private Failures() {
    }

    /**
     * True when the database refused the data itself: SQLSTATE class 22 (data exception, e.g. a
     * number out of range or a NUL in JSON) or 23 (integrity). Such a message fails the same way
     * every time. Anything else from the database — lost connections, shutdowns, time-outs,
     * serialization failures — is worth retrying.
     */
    static boolean causedByMessage(Throwable failure) {
        SQLException sql = sqlCause(failure);
        if (sql == null) {
            return true;
        }
        String state = sql.getSQLState();
        return state != null && (state.startsWith("22") || state.startsWith("23"));
    }

    static String describe(Throwable failure) {
        SQLException sql = sqlCause(failure);
        Throwable shown = sql != null ? sql : rootOf(failure);
        String message = shown.getMessage();
        return shown.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static SQLException sqlCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static Throwable rootOf(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
