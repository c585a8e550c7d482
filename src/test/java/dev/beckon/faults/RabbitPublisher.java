package dev.beckon.faults;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * Publishes events to Beckon's events exchange as a careful producer does: persistent messages,
 * publisher confirms every few messages, and when the broker goes away (stopped, connection cut)
 * it connects again and publishes the unconfirmed ones again, in their order. A message the broker
 * had taken before the cut then arrives twice; Beckon drops the second by its id.
 */
final class RabbitPublisher implements AutoCloseable {

    private static final int CONFIRM_EVERY = 100;
    private static final AMQP.BasicProperties PERSISTENT = new AMQP.BasicProperties.Builder()
            .deliveryMode(2).contentType("application/json").build();

    record Message(String routingKey, byte[] body) {
        static Message of(String routingKey, String json) {
            return new Message(routingKey, json.getBytes(StandardCharsets.UTF_8));
        }
    }

    private final ConnectionFactory factory = new ConnectionFactory();
    private final String exchange;
    private final List<Message> unconfirmed = new ArrayList<>();
    private Connection connection;
    private Channel channel;
    private int republished;
    private boolean connectedBefore;

    RabbitPublisher(String amqpUri, String exchange) throws Exception {
        factory.setUri(amqpUri);
        factory.setAutomaticRecoveryEnabled(false);
        factory.setConnectionTimeout(5_000);
        this.exchange = exchange;
    }

    void publish(Message message) throws InterruptedException {
        unconfirmed.add(message);
        if (!sendOrReconnect(List.of(message)) || unconfirmed.size() >= CONFIRM_EVERY) {
            confirm();
        }
    }

    /** Waits until the broker confirmed everything published so far, reconnecting as often as needed. */
    void confirm() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (!unconfirmed.isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the broker confirmed nothing for 5 minutes");
            }
            try {
                if (channel == null) {
                    boolean reconnecting = connectedBefore;
                    connect();
                    if (reconnecting) {
                        republished += unconfirmed.size();
                    }
                    send(unconfirmed);
                }
                channel.waitForConfirmsOrDie(30_000);
                unconfirmed.clear();
            } catch (IOException | TimeoutException | RuntimeException e) {
                drop();
                Thread.sleep(500);
            }
        }
    }

    /** Messages published again after a broker failure (some of them may have been taken the first time). */
    int republished() {
        return republished;
    }

    private boolean sendOrReconnect(List<Message> messages) {
        try {
            if (channel == null) {
                return false;
            }
            send(messages);
            return true;
        } catch (IOException | RuntimeException e) {
            drop();
            return false;
        }
    }

    private void send(List<Message> messages) throws IOException {
        for (Message m : messages) {
            channel.basicPublish(exchange, m.routingKey(), PERSISTENT, m.body());
        }
    }

    private void connect() throws IOException, TimeoutException {
        connection = factory.newConnection("beckon-fault-suite-publisher");
        channel = connection.createChannel();
        channel.confirmSelect();
        connectedBefore = true;
    }

    private void drop() {
        if (connection != null) {
            try {
                connection.abort(1_000);
            } catch (RuntimeException e) {
                // already gone
            }
        }
        connection = null;
        channel = null;
    }

    @Override
    public void close() throws InterruptedException {
        confirm();
        drop();
    }
}
