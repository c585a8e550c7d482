package dev.beckon.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** How decisions are delivered to webhooks and by email ({@code beckon.delivery.*}). */
@ConfigMapping(prefix = "beckon.delivery")
public interface DeliveryConfig {

    /**
     * How often outbox messages are planned and due deliveries sent by the schedule ({@code off} turns
     * it off on a replica); a batch that decided something also starts a round at once.
     */
    @WithDefault("1s")
    String pollInterval();

    /** Longest Beckon waits for an endpoint or the mail server to answer one delivery. */
    @WithDefault("PT10S")
    Duration requestTimeout();

    /**
     * How long a claimed delivery belongs to the replica that claimed it without word from it. The
     * replica renews it every third of this while it sends and records the delivery; one that dies
     * mid-send leaves it claimed this long, then another sends it again, with the same webhook-id.
     */
    @WithDefault("PT1M")
    Duration lease();

    /** Wait before the first retry; each later retry waits about twice as long, with jitter. */
    @WithDefault("PT5S")
    Duration firstRetry();

    /** Longest wait between two retries. */
    @WithDefault("PT1H")
    Duration maxRetryDelay();

    /** After failing this long, a delivery is dead: it waits for someone to redeliver it. */
    @WithDefault("P1D")
    Duration maxAge();

    /** Requests in flight to one endpoint at once: a slow endpoint holds only these. */
    @WithDefault("4")
    int perTargetConcurrency();

    /**
     * Messages waiting to be delivered (outbox messages not yet planned plus pending deliveries)
     * above which the {@code delivery-backlog} health check is DOWN (BECKON_DELIVERY_BACKLOG_LIMIT).
     */
    @WithDefault("100000")
    long backlogLimit();

    /**
     * How often the backlog is measured for its gauges and health check (BECKON_DELIVERY_BACKLOG_CHECK_INTERVAL).
     * Declared here, though the schedule reads it, because keys under a mapped prefix must be known.
     */
    @WithDefault("15s")
    String backlogCheckInterval();

    /**
     * Internal hosts webhooks may go to (BECKON_DELIVERY_ALLOWED_INTERNAL_HOSTS, comma-separated): each a
     * host name or address as written in endpoint URLs, alone (any port) or as {@code host:port}
     * ({@code [v6]:port}). Unset: an endpoint whose host resolves to a loopback, private, link-local or other
     * internal address, or that names the database's or broker's port, is refused ({@link SsrfGuard}).
     */
    Optional<List<String>> allowedInternalHosts();
}
