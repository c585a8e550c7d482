package dev.beckon.ingest.webhook;

import java.time.Duration;
import java.time.Instant;

/** Signed timestamps must be close to now, so a captured webhook cannot be replayed later. */
final class Timestamps {

    private Timestamps() {
    }

    static void requireFresh(String epochSeconds, Instant now, Duration tolerance) {
        long seconds;
        try {
            seconds = Long.parseLong(epochSeconds.trim());
        } catch (NumberFormatException e) {
            throw new SignatureScheme.Refused(400, "the signed timestamp is not a number of seconds");
        }
        Duration off = Duration.between(Instant.ofEpochSecond(seconds), now).abs();
        if (off.compareTo(tolerance) > 0) {
            throw new SignatureScheme.Refused(401, "the signed timestamp is " + off.toSeconds()
                    + " s away from now; at most " + tolerance.toSeconds() + " s is accepted");
        }
    }
}
