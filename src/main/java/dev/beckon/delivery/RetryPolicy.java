package dev.beckon.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a failed delivery is tried again: the wait doubles with each attempt up to a ceiling, and
 * each wait is jittered (between half and all of it) so deliveries that failed together, because
 * an endpoint went down, do not all come back at the same instant. After the maximum age the
 * delivery is dead and waits for a person.
 */
public final class RetryPolicy {

    private final Duration firstRetry;
    private final Duration maxDelay;
    private final Duration maxAge;

    public RetryPolicy(Duration firstRetry, Duration maxDelay, Duration maxAge) {
        this.firstRetry = firstRetry;
        this.maxDelay = maxDelay;
        this.maxAge = maxAge;
    }

    public static RetryPolicy of(DeliveryConfig config) {
        return new RetryPolicy(config.firstRetry(), config.maxRetryDelay(), config.maxAge());
    }

    /** The next attempt after {@code attempt} failed at {@code now}; null when the delivery is dead. */
    public Instant nextAttempt(int attempt, Instant retrySince, Instant now) {
        Duration ceiling = ceiling(attempt);
        long halfMillis = ceiling.toMillis() / 2;
        Duration wait = Duration.ofMillis(halfMillis + ThreadLocalRandom.current().nextLong(halfMillis + 1));
        Instant next = now.plus(wait);
        return next.isAfter(retrySince.plus(maxAge)) ? null : next;
    }

    /** The longest wait after {@code attempt}: first retry × 2^(attempt−1), at most the ceiling. */
    Duration ceiling(int attempt) {
        Duration wait = firstRetry;
        for (int i = 1; i < attempt && wait.compareTo(maxDelay) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxDelay) > 0 ? maxDelay : wait;
    }
}
