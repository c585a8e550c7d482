package dev.beckon.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.beckon.support.Rabbit;
import dev.beckon.support.TestNamespace;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * RabbitMQ deliveries are normally published while they are planned; one the broker did not confirm
 * then is written pending, and the publisher sends it later and marks it delivered.
 */
@QuarkusTest
class DecisionPublisherTest {

    @Inject
    DecisionPublisher publisher;
    @Inject
    DeliveryStore store;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    ObjectMapper json;

    @Test
    void aPendingRabbitDeliveryIsPublishedLaterAndMarkedDelivered() throws Exception {
        UUID decision = UUID.randomUUID();
        String type = "offer.publisher-test";
        ObjectNode message = json.createObjectNode().put("decisionId", decision.toString()).put("kind", "offer");
        try (Rabbit rabbit = new Rabbit()) {
            String queue = rabbit.listenToDecisions(type);
            QuarkusTransaction.requiringNew().run(() -> {
                try (Connection connection = dataSource.getConnection()) {
                    store.insert(connection, List.of(new PlannedDelivery(
                            -ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE), decision, type, PlannedDelivery.RABBITMQ,
                            Rabbit.DECISIONS, message, null, null)), Instant.now());
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            // Written pending; the publisher's schedule may get to it first, either way it is sent once.
            publisher.publishPending();

            assertThat(rabbit.drain(queue)).extracting(Rabbit::body).containsExactly(message.toString());
            assertThat(status(decision)).isEqualTo("delivered");
        }
    }

    private static String status(UUID decision) throws Exception {
        try (Connection db = TestNamespace.database();
             PreparedStatement query = db.prepareStatement("SELECT status FROM deliveries WHERE decision_id = ?")) {
            query.setObject(1, decision);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }
}
