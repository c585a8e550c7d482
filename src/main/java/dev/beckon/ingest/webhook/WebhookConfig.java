package dev.beckon.ingest.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Inbound webhook settings ({@code beckon.webhooks.*}). */
@ConfigMapping(prefix = "beckon.webhooks")
public interface WebhookConfig {

    /**
     * How long the raw body of a verified delivery is kept for the console's delivery log; the
     * delivery row itself stays. Zero: payloads are not stored at all. From BECKON_WEBHOOKS_PAYLOAD_RETENTION.
     */
    @WithDefault("P7D")
    Duration payloadRetention();

    /**
     * How often the payloads past their retention are removed ({@code 1h}, or {@code off} on a replica that
     * should not). Read by {@link WebhookPayloadPurge}'s schedule. From BECKON_WEBHOOKS_PURGE_INTERVAL.
     */
    @WithDefault("1h")
    String purgeInterval();

    /** Whether payloads are stored at all. */
    default boolean keepsPayloads() {
        return !payloadRetention().isZero() && !payloadRetention().isNegative();
    }
}
