package dev.beckon.segment;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Keeping segments' members up to date ({@code beckon.segments.*}); see docs/segments.md#freshness. */
@ConfigMapping(prefix = "beckon.segments")
public interface SegmentConfig {

    /**
     * How often the refresher evaluates the customers whose events arrived since its last round
     * ({@code 10s}, {@code 1m}); {@code off} turns it off on that replica. Read by the scheduler as
     * {@code beckon.segments.refresh-interval}.
     */
    @WithDefault("10s")
    String refreshInterval();

    /**
     * How often each segment evaluates every customer, so members of time-windowed conditions ("an
     * order in the last 7 days") leave when the window has passed them, with no event of theirs.
     */
    @WithDefault("PT1H")
    Duration fullRefreshEvery();

    /**
     * How old an event must be (since it was received) before a round takes it into account. An
     * ingest batch commits after its events were received; a round that read up to "now" could pass
     * over a batch that commits a moment later. A batch slower than this waits for the full refresh.
     */
    @WithDefault("PT10S")
    Duration settleTime();
}
