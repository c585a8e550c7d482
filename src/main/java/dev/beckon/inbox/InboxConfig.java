package dev.beckon.inbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The support inbox ({@code beckon.inbox.*}): service levels per priority and how often they are checked. */
@ConfigMapping(prefix = "beckon.inbox")
public interface InboxConfig {

    /** How long an escalation of each priority may stay unresolved, from when it was opened or reopened. */
    Sla sla();

    /**
     * How often the SLA watch looks for escalations past their service level ({@code 10s}, {@code 1m});
     * {@code off} turns it off on that replica. Read by the scheduler as {@code beckon.inbox.sla-check-interval}.
     */
    @WithDefault("10s")
    String slaCheckInterval();

    /**
     * How often inbox events (escalation.resolved, escalation.sla_breached) that were not yet handed to
     * the ingest pipeline are retried; each is also handed over right after it is recorded.
     */
    @WithDefault("5s")
    String eventRelayInterval();

    /** Service levels: the longest an escalation of each priority may stay unresolved. */
    interface Sla {
        @WithDefault("PT15M")
        Duration urgent();

        @WithDefault("PT2H")
        Duration high();

        @WithDefault("P1D")
        Duration normal();

        @WithDefault("P3D")
        Duration low();
    }

    default Duration slaOf(Priority priority) {
        return switch (priority) {
            case urgent -> sla().urgent();
            case high -> sla().high();
            case normal -> sla().normal();
            case low -> sla().low();
        };
    }
}
