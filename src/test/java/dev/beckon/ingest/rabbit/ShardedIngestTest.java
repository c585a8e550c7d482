package dev.beckon.ingest.rabbit;

import static dev.beckon.support.Api.event;
import static dev.beckon.support.Api.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.GetResponse;
import dev.beckon.support.Rabbit;
import dev.beckon.support.TestNamespace;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With several shards, events published to the events exchange as producers always have are
 * routed by customer to shard queues and consumed from there, each customer's in order; what
 * cannot be read is still dead-lettered with the producer's routing key.
 */
@QuarkusTest
@TestProfile(ShardedIngestTest.FourShards.class)
class ShardedIngestTest {

    /** beckon.rabbitmq.shards=4, as an operator running several replicas sets it. */
    public static class FourShards implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("beckon.rabbitmq.shards", "4", "beckon.rabbitmq.rebalance-interval", "PT0.5S");
        }
    }

    static final int CUSTOMERS = 40;
    static final int EVENTS_EACH = 10;

    @Test
    void eventsReachTheirCustomersShardAndAreAppliedInTheOrderPublished() throws Exception {
        String run = unique("sharded");
        try (Rabbit rabbit = new Rabbit()) {
            for (int seq = 0; seq < EVENTS_EACH; seq++) {
                for (int customer = 0; customer < CUSTOMERS; customer++) {
                    rabbit.publish("page.viewed", event(run + "-" + customer + "-" + seq, "page.viewed",
                            run + "-c" + customer, "{\"seq\": " + seq + "}"));
                }
            }
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> storedSequences(run).size() == CUSTOMERS);

        List<List<Integer>> sequences = storedSequences(run);
        assertThat(sequences).allSatisfy(seqs ->
                assertThat(seqs).as("a customer's events in the order they were applied").isSorted().hasSize(EVENTS_EACH));
    }

    @Test
    void aReplicaOnItsOwnConsumesEveryShard() {
        List<String> shards = List.of(0, 1, 2, 3).stream().map(shard -> TestNamespace.BROKER + ".ingest." + shard).toList();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(consuming().split(",")).containsExactlyInAnyOrderElementsOf(shards));
    }

    private static String consuming() {
        return given().get("/q/health/ready").then().extract().jsonPath()
                .getString("checks.find { it.name == 'rabbitmq-ingest' }.data.consuming");
    }

    @Test
    void aMessageThatIsNotJsonIsDeadLetteredFromItsShardWithTheProducersRoutingKey() throws Exception {
        String marker = unique("garbage");
        try (Rabbit rabbit = new Rabbit()) {
            rabbit.publish("pos.sale", "{not json " + marker);
            List<GetResponse> dead = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                rabbit.drain(Rabbit.DEAD).stream().filter(m -> Rabbit.body(m).contains(marker)).forEach(dead::add);
                return !dead.isEmpty();
            });
            Map<String, Object> headers = dead.get(0).getProps().getHeaders();
            assertThat(headers.get("x-original-routing-key")).hasToString("pos.sale");
            assertThat(headers.get("x-original-exchange")).hasToString(Rabbit.EVENTS);
            assertThat(headers.get("x-beckon-reason").toString()).startsWith("Not valid JSON");
        }
    }

    /** Per customer of this run, the {@code seq} of each stored event, in the order Beckon received them. */
    private static List<List<Integer>> storedSequences(String run) throws Exception {
        List<List<Integer>> sequences = new ArrayList<>();
        try (Connection db = TestNamespace.database()) {
            for (int customer = 0; customer < CUSTOMERS; customer++) {
                try (PreparedStatement query = db.prepareStatement(
                        "SELECT (data->>'seq')::int FROM events WHERE customer_id = ? ORDER BY received_at")) {
                    query.setString(1, run + "-c" + customer);
                    List<Integer> seqs = new ArrayList<>();
                    try (ResultSet rows = query.executeQuery()) {
                        while (rows.next()) {
                            seqs.add(rows.getInt(1));
                        }
                    }
                    if (seqs.size() < EVENTS_EACH) {
                        return List.of();
                    }
                    sequences.add(seqs);
                }
            }
        }
        return sequences;
    }
}
