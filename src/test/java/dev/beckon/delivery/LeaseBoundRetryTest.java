package dev.beckon.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.beckon.platform.Backoff;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class LeaseBoundRetryTest {

    private static final Clock CLOCK = Clock.systemUTC();

    /** What the driver throws when pg_terminate_backend ends the connection mid-transaction. */
    private static RuntimeException terminatedBackend() {
        return new RuntimeException(new SQLException("terminating connection due to administrator command", "57P01"));
    }

    /** A lease that ends ten seconds from now, and stays put. */
    private static Supplier<Instant> inTenSeconds() {
        Instant lease = Instant.now().plusSeconds(10);
        return () -> lease;
    }

    private static Backoff quickBackoff() {
        return new Backoff(Duration.ofMillis(5), Duration.ofMillis(20));
    }

    @Test
    void recordsTheOutcomeOnceTheDatabaseIsBackWithinTheLease() {
        AtomicInteger attempts = new AtomicInteger();

        boolean recorded = LeaseBoundRetry.call(() -> {
            if (attempts.incrementAndGet() < 3) {
                throw terminatedBackend();
            }
            return true;
        }, inTenSeconds(), CLOCK, quickBackoff());

        assertThat(recorded).isTrue();
        assertThat(attempts).hasValue(3);
    }

    @Test
    void givesUpWhenTheLeaseWouldRunOutBeforeTheNextTrySoAnotherAttemptIsNotRecordedOver() {
        Clock fixed = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), java.time.ZoneOffset.UTC);
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> LeaseBoundRetry.call(() -> {
            attempts.incrementAndGet();
            throw terminatedBackend();
        }, () -> fixed.instant().plusMillis(3), fixed, quickBackoff())).hasRootCauseInstanceOf(SQLException.class);

        assertThat(attempts).hasValue(1);
    }

    @Test
    void triesAgainAfterACommitThatCouldNotComplete() {
        AtomicInteger attempts = new AtomicInteger();

        boolean recorded = LeaseBoundRetry.call(() -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("ARJUNA016053: Could not commit transaction.");
            }
            return true;
        }, inTenSeconds(), CLOCK, quickBackoff());

        assertThat(recorded).isTrue();
        assertThat(attempts).hasValue(2);
    }
}
