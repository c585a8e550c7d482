package dev.beckon.delivery;

import java.time.Instant;

/**
 * How one attempt went: when it started, how long it took, the HTTP status (webhooks), the error if
 * any, and whether trying again could help (a removed endpoint: it cannot).
 */
public record AttemptResult(Instant startedAt, long durationMillis, Integer statusCode, String error, boolean permanent) {

    public boolean succeeded() {
        return error == null;
    }

    public static AttemptResult ok(Instant startedAt, long durationMillis, Integer statusCode) {
        return new AttemptResult(startedAt, durationMillis, statusCode, null, false);
    }

    public static AttemptResult failed(Instant startedAt, long durationMillis, Integer statusCode, String error) {
        return new AttemptResult(startedAt, durationMillis, statusCode, error == null ? "failed" : error, false);
    }

    /** A failure no retry can mend: the delivery is dead at once. */
    public static AttemptResult hopeless(Instant startedAt, String error) {
        return new AttemptResult(startedAt, 0, null, error, true);
    }
}
