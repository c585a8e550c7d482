package dev.beckon.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lets a log line through at most once an interval per key, and counts those held back in between, so
 * a burst (thousands of refused webhooks, a database restart) leaves one line an interval that says how
 * many it stands for.
 */
public final class LogThrottle {

    /** When a key was last let through, and how many of its lines were held back since. */
    private record Window(Instant loggedAt, long heldBack) {
    }

    private final Duration interval;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public LogThrottle(Duration interval) {
        this.interval = interval;
    }

    /**
     * Whether a line of {@code key} may be logged at {@code now}: -1 when it is held back, otherwise how many
     * lines of that key were held back since the last one let through.
     */
    public long letThrough(String key, Instant now) {
        long[] heldBack = {-1};
        windows.compute(key, (k, window) -> {
            if (window == null || !now.isBefore(window.loggedAt().plus(interval))) {
                heldBack[0] = window == null ? 0 : window.heldBack();
                return new Window(now, 0);
            }
            return new Window(window.loggedAt(), window.heldBack() + 1);
        });
        return heldBack[0];
    }
}
