package dev.beckon.delivery;

import dev.beckon.platform.Backoff;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Records a delivery's outcome again after the recording failed (a terminated backend, a restarting
 * server, a commit that could not complete), for as long as the delivery's lease lasts. An outcome
 * left unrecorded sends the delivery again when the lease ends, and when the endpoint had answered
 * 2xx that is a duplicate the endpoint must drop: the fault suite saw it after
 * {@code pg_terminate_backend}. Trying again is safe whatever the failure: the write only changes a
 * delivery still pending at this very attempt, so a second try after a commit that did go through
 * changes nothing. Past the lease another attempt may have started, so the failure is given up on then.
 */
final class LeaseBoundRetry {

    private LeaseBoundRetry() {
    }

    /** {@code leaseUntil} is asked before each retry: renewal may extend the lease meanwhile. */
    static <T> T call(Supplier<T> write, Supplier<Instant> leaseUntil, Clock clock, Backoff backoff) {
        while (true) {
            try {
                return write.get();
            } catch (RuntimeException e) {
                if (!clock.instant().plus(backoff.current()).isBefore(leaseUntil.get())) {
                    throw e;
                }
                try {
                    backoff.pause();
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
