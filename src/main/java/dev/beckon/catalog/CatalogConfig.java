package dev.beckon.catalog;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Event catalog settings ({@code beckon.catalog.*}). */
@ConfigMapping(prefix = "beckon.catalog")
public interface CatalogConfig {

    /** What becomes of an event whose type has no registered schema. */
    enum UnknownTypes {
        /** Taken as it is: a fresh install, with nothing registered, works. */
        accept,
        /** Refused like an event that fails its schema: only registered types get in. */
        refuse
    }

    /**
     * Events of a type without a registered schema are accepted (the default) or refused: on HTTP
     * with a 400 naming {@code type}, on RabbitMQ dead-lettered; from BECKON_CATALOG_UNKNOWN_TYPES.
     */
    @WithDefault("accept")
    UnknownTypes unknownTypes();

    /**
     * How often a replica checks whether another registered a schema version (BECKON_CATALOG_SYNC_INTERVAL):
     * the safety net behind change notices, which bring a registration within a second.
     * Declared here, though the schedule reads it, because keys under a mapped prefix must be known.
     */
    @WithDefault("1m")
    String syncInterval();
}
