package dev.beckon.broker;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URISyntaxException;
import java.security.GeneralSecurityException;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * The one connection to RabbitMQ, opened lazily and opened again after it was lost. The client's
 * automatic recovery is off on purpose: it would bring back channels whose unacknowledged
 * deliveries Beckon already gave up on, so each user of the broker re-subscribes by itself after a
 * failure instead. Callers open their own channels: a channel is not shared between threads.
 */
@ApplicationScoped
public class Broker {

    private static final Logger LOG = Logger.getLogger(Broker.class);

    @Inject
    BrokerConfig config;

    private volatile Connection connection;

    public boolean isConfigured() {
        return config.uri().isPresent();
    }

    public BrokerConfig config() {
        return config;
    }

    public synchronized Connection connection() throws IOException {
        if (connection == null || !connection.isOpen()) {
            connection = open();
        }
        return connection;
    }

    public Channel openChannel() throws IOException {
        return connection().createChannel();
    }

    /** True when a connection is open now (it may be recovering after a failure). */
    public boolean isConnected() {
        Connection current = connection;
        return current != null && current.isOpen();
    }

    private Connection open() throws IOException {
        ConnectionFactory factory = new ConnectionFactory();
        try {
            factory.setUri(config.uri().orElseThrow(() -> new IllegalStateException("RabbitMQ is not configured")));
        } catch (URISyntaxException | GeneralSecurityException e) {
            // The URI holds the password: say what is wrong without repeating it.
            throw new IllegalStateException("BECKON_RABBITMQ_URI is not a valid AMQP URI: " + e.getClass().getSimpleName());
        }
        factory.setAutomaticRecoveryEnabled(false);
        factory.setRequestedHeartbeat(15);
        try {
            Connection opened = factory.newConnection(config.connectionName());
            LOG.infof("Connected to RabbitMQ at %s:%d", factory.getHost(), factory.getPort());
            return opened;
        } catch (TimeoutException e) {
            throw new IOException("Timed out connecting to RabbitMQ", e);
        }
    }

    void close(@Observes ShutdownEvent event) {
        Connection current = connection;
        if (current != null && current.isOpen()) {
            try {
                current.close(5000);
            } catch (IOException | RuntimeException e) {
                LOG.debug("RabbitMQ connection did not close cleanly", e);
            }
        }
    }
}
