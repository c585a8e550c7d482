package dev.beckon.platform;

import java.time.Duration;

/** Doubling waits between retries, from {@code first} up to {@code max}; {@link #reset()} after a success. */
public final class Backoff {

    private final Duration first;
    private final Duration max;
    private Duration next;

    public Backoff(Duration first, Duration max) {
        this.first = first;
        this.max = max;
        this.next = first;
    }

    /** Sleeps for the current wait and doubles the next one. */
    public void pause() throws InterruptedException {
        Duration wait = next;
        next = next.multipliedBy(2).compareTo(max) > 0 ? max : next.multipliedBy(2);
        Thread.sleep(wait.toMillis());
    }

    public Duration current() {
        return next;
    }

    public void reset() {
        next = first;
    }
}
