package dev.beckon.platform.notify;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Change notices between replicas over PostgreSQL LISTEN/NOTIFY ({@code beckon.notify.*}).
 */
@ConfigMapping(prefix = "beckon.notify")
public interface NotifyConfig {

    /**
     * The PostgreSQL channel replicas notify and listen on (BECKON_NOTIFY_CHANNEL): lower-case
     * letters, digits and underscores. Channels are per database, so Beckon installations that
     * share one database in different schemas give each its own channel.
     */
    @WithDefault("beckon_changes")
    String channel();

    /**
     * How long the listener waits for a notice before it checks that its connection still
     * answers; a connection cut without a word (a network partition) is found within about this.
     */
    @WithDefault("PT10S")
    Duration checkEvery();

    /** Longest wait between two attempts to reconnect after the listening connection was lost. */
    @WithDefault("PT30S")
    Duration maxReconnectDelay();
}
