package dev.beckon.support;

/** A way events reach Beckon in tests: the same scenarios run over HTTP and over RabbitMQ. */
public interface EventChannel {

    /** Sends one event (JSON text) of the given type. */
    void send(String type, String eventJson) throws Exception;
}
