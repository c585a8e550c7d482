package dev.beckon.support;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A producer's and a downstream consumer's view of the test broker (the machine's real RabbitMQ). */
public final class Rabbit implements AutoCloseable {

    public static final String EVENTS = TestNamespace.BROKER + ".events";
    public static final String DEAD = TestNamespace.BROKER + ".dead";
    public static final String DECISIONS = TestNamespace.BROKER + ".decisions";
    public static final String INGEST = TestNamespace.BROKER + ".ingest";

    private final Connection connection;
    private final Channel channel;

    public Rabbit() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri("amqp://guest:guest@127.0.0.1:5672/%2f");
        connection = factory.newConnection("beckon-tests");
        channel = connection.createChannel();
        channel.confirmSelect();
    }

    /** Publishes one message to the events exchange, persistent, and waits for the broker's confirm. */
    public void publish(String routingKey, String body) throws Exception {
        publishAll(routingKey, List.of(body));
    }

    /** Publishes every message to the events exchange, persistent, then waits for the broker's confirms. */
    public void publishAll(String routingKey, List<String> bodies) throws Exception {
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder().deliveryMode(2)
                .contentType("application/json").build();
        for (String body : bodies) {
            channel.basicPublish(EVENTS, routingKey, properties, body.getBytes(StandardCharsets.UTF_8));
        }
        channel.waitForConfirmsOrDie(30_000);
    }

    /** Messages in {@code queue} ready for a consumer: those delivered and not yet acknowledged are not counted. */
    public int ready(String queue) throws Exception {
        return channel.queueDeclarePassive(queue).getMessageCount();
    }

    /** A fresh server-named queue bound to the decisions exchange, to see what downstream systems receive. */
    public String listenToDecisions(String bindingKey) throws Exception {
        return listenTo(DECISIONS, bindingKey);
    }

    /** A fresh server-named queue bound to {@code exchange}, for a Beckon started with broker names of its own. */
    public String listenTo(String exchange, String bindingKey) throws Exception {
        String queue = channel.queueDeclare().getQueue();
        channel.queueBind(queue, exchange, bindingKey);
        return queue;
    }

    /** Takes every message waiting in {@code queue}. */
    public List<GetResponse> drain(String queue) throws Exception {
        List<GetResponse> messages = new ArrayList<>();
        GetResponse response;
        while ((response = channel.basicGet(queue, true)) != null) {
            messages.add(response);
        }
        return messages;
    }

    public static String body(GetResponse response) {
        return new String(response.getBody(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws Exception {
        connection.close();
    }
}
