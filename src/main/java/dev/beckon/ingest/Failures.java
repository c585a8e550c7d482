package dev.beckon.ingest;

import java.sql.SQLException;
import java.util.Set;

/** Tells a failure of the infrastructure (retry later) from one caused by a message (dead-letter it). */
final class Failures {

    /**
     * SQLSTATE classes that say nothing about the data: connection exceptions (08), transaction
     * rollbacks such as serialization failures and deadlocks (40), insufficient resources (53),
     * lock not available (55), operator intervention such as a shutdown or a cancelled query (57).
     */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "40", "53", "55", "57");

    private Failures() {
    }

    /**
     * True when the failure is worth retrying as it is: a database error of a transient class, or
     * one without a state at all (the pool could not hand out a connection). Anything else — a
     * data exception, a constraint, a program limit, an exception of Beckon's own — would fail
     * the same way again, so the message that caused it is set aside.
     */
    static boolean isTransient(Throwable failure) {
        SQLException sql = sqlCause(failure);
        if (sql == null) {
            return false;
        }
        String state = sql.getSQLState();
        return state == null || state.length() < 2 || TRANSIENT_CLASSES.contains(state.substring(0, 2));
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
