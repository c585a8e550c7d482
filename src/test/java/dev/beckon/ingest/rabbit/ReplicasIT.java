package dev.beckon.ingest.rabbit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import dev.beckon.support.BeckonProcess;
import dev.beckon.support.ProcessEnvironment;
import dev.beckon.support.Rabbit;
import dev.beckon.support.RuleSets;
import dev.beckon.support.TestNamespace;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * Three Beckon processes on one RabbitMQ and one PostgreSQL, one of them killed (SIGKILL) while
 * events stream in through six shard queues. Afterwards the outcome must be what one Beckon
 * would have produced: every event stored once, each customer's events applied in the order
 * published, one decision per cart update, each abandoned-cart follow-up ending as the
 * customer's own sequence says (superseded by a later cart, cancelled by an order, or fired),
 * and each fired follow-up published downstream under one message id. A rule set published
 * through one replica afterwards is live on another as it commits.
 */
class ReplicasIT {

    static final String KEY = "replicas-it-api-key-0123456789";
    static final int SHARDS = 6;
    static final int CUSTOMERS = 300;
    static final int EVENTS = 6_000;
    static final int PER_SECOND = 600;

    record Sent(String id, String type, String customer, int seq) {
    }

    @Test
    void threeReplicasWithOneKilledMidStreamGiveTheResultsOfOne() throws Exception {
        String schema = TestNamespace.SCHEMA + "_replicas_it";
        String prefix = TestNamespace.BROKER + "-replicas-it";
        String url = ProcessEnvironment.freshSchema(schema);
        Map<String, String> environment = ProcessEnvironment.of(url, KEY);
        environment.putAll(ProcessEnvironment.broker(prefix, SHARDS));
        environment.put("BECKON_RABBITMQ_REBALANCE_INTERVAL", "PT1S");

        List<BeckonProcess> replicas = new ArrayList<>();
        try (Connection broker = ProcessEnvironment.connect(); Rabbit downstreams = new Rabbit()) {
            for (int i = 0; i < 3; i++) {
                replicas.add(new BeckonProcess(environment, "replicas-it-" + i).start());
            }
            publishFastFollowUps(replicas);
            Channel channel = broker.createChannel();
            String downstream = downstreams.listenTo(prefix + ".decisions", "followup.#");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(replicas).allSatisfy(r -> assertThat(consuming(r)).hasSize(SHARDS / 3)));

            List<Sent> sent = traffic();
            channel.confirmSelect();
            for (int i = 0; i < sent.size(); i++) {
                if (i == sent.size() / 3) {
                    replicas.get(1).kill();
                }
                publish(channel, prefix + ".events", sent.get(i));
                if (i % 50 == 49) {
                    channel.waitForConfirmsOrDie(10_000);
                    LockSupport.parkNanos(Duration.ofMillis(1000L * 50 / PER_SECOND).toNanos());
                }
            }
            channel.waitForConfirmsOrDie(10_000);

            List<BeckonProcess> survivors = List.of(replicas.get(0), replicas.get(2));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(survivors).allSatisfy(r -> assertThat(consuming(r)).hasSize(SHARDS / 2)));
            await().atMost(Duration.ofSeconds(120)).until(() -> count(url, "SELECT count(*) FROM events") == EVENTS);

            assertThat(count(url, "SELECT count(*) FROM dead_letters")).as("dead letters").isZero();
            assertThat(reorderedCustomers(url)).as("customers whose events were applied out of order").isEmpty();
            assertThat(count(url, "SELECT count(*) FROM (SELECT event_id FROM decisions GROUP BY event_id HAVING count(*) > 1) d"))
                    .as("events decided twice").isZero();
            Map<String, String> expected = expectedFollowUpEndings(sent);
            assertThat(count(url, "SELECT count(*) FROM decisions WHERE kind = 'followup'")).isEqualTo(expected.size());
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                    assertThat(followUpEndings(url)).as("how each cart's follow-up ended").isEqualTo(expected));

            long fired = expected.values().stream().filter("fired"::equals).count();
            Map<String, Integer> published = new HashMap<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (GetResponse message : downstreams.drain(downstream)) {
                    published.merge(message.getProps().getMessageId(), 1, Integer::sum);
                }
                return published.size() == fired;
            });
            System.out.printf("Three replicas, one killed: %d events, %d follow-ups (%d fired), %d published "
                    + "downstream under %d message ids%n", EVENTS, expected.size(), fired,
                    published.values().stream().mapToInt(Integer::intValue).sum(), published.size());

            // A publish through one replica is live on the other as it commits (LISTEN/NOTIFY), long
            // before the one-minute poll could have brought it; the time includes compiling the rules there.
            int version = publish(replicas.get(2), RuleSets.starterPack(), "back to the starter pack");
            long committed = System.nanoTime();
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                    .until(() -> activeVersion(replicas.get(0)) == version);
            System.out.printf("A publish through one replica was live on the other %d ms after it returned%n",
                    (System.nanoTime() - committed) / 1_000_000);
        } finally {
            for (BeckonProcess replica : replicas) {
                replica.close();
            }
        }
    }

    /**
     * The starter pack with a 30-second abandoned-cart reminder: longer than the traffic lasts, so
     * only the order of a customer's events decides how each reminder ends, and short enough
     * that the ones left standing fire within the test.
     */
    private static void publishFastFollowUps(List<BeckonProcess> replicas) {
        int version = publish(replicas.get(0), RuleSets.starterPack().replace(".after(\"30m\")", ".after(\"30s\")"),
                "fast reminders");
        // Every replica evaluates with it before traffic starts.
        await().atMost(Duration.ofSeconds(30)).until(() -> replicas.stream().allMatch(r -> activeVersion(r) == version));
    }

    private static int publish(BeckonProcess beckon, String drl, String comment) {
        int version = given().baseUri(beckon.baseUrl()).header("Authorization", "Bearer " + KEY).contentType(ContentType.JSON)
                .body(Map.of("drl", drl, "comment", comment)).post("/api/rulesets")
                .then().statusCode(201).extract().path("version");
        given().baseUri(beckon.baseUrl()).header("Authorization", "Bearer " + KEY).contentType(ContentType.JSON)
                .body(Map.of("comment", comment)).post("/api/rulesets/" + version + "/publish").then().statusCode(200);
        return version;
    }

    private static int activeVersion(BeckonProcess replica) {
        return given().baseUri(replica.baseUrl()).get("/q/health/ready").then().extract().jsonPath()
                .getInt("checks.find { it.name == 'rules' }.data.version");
    }

    /** Page views, cart updates and small orders (never enough for the VIP offer), each with its customer's sequence number. */
    private static List<Sent> traffic() {
        Random random = new Random(7);
        int[] seqs = new int[CUSTOMERS];
        List<Sent> sent = new ArrayList<>();
        String[] types = {"page.viewed", "cart.updated", "cart.updated", "order.completed"};
        for (int i = 0; i < EVENTS; i++) {
            int customer = random.nextInt(CUSTOMERS);
            sent.add(new Sent("rep-" + i, types[random.nextInt(types.length)], "rep-c" + customer, seqs[customer]++));
        }
        return sent;
    }

    private static void publish(Channel channel, String exchange, Sent event) throws Exception {
        String data = switch (event.type()) {
            case "cart.updated" -> "\"total\": 40";
            case "order.completed" -> "\"total\": 10";
            default -> "\"url\": \"/\"";
        };
        String json = "{\"id\": \"%s\", \"type\": \"%s\", \"customerId\": \"%s\", \"data\": {\"seq\": %d, %s}}"
                .formatted(event.id(), event.type(), event.customer(), event.seq(), data);
        channel.basicPublish(exchange, event.type(), new AMQP.BasicProperties.Builder().deliveryMode(2).build(),
                json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * What one Beckon applying each customer's events in order makes of every cart update's
     * follow-up: a later cart supersedes it, an order cancels it, and one left standing fires.
     */
    private static Map<String, String> expectedFollowUpEndings(List<Sent> sent) {
        Map<String, String> endings = new HashMap<>();
        Map<String, String> pending = new HashMap<>();
        for (Sent event : sent) {
            String open = pending.get(event.customer());
            if (event.type().equals("cart.updated")) {
                if (open != null) {
                    endings.put(open, "superseded");
                }
                pending.put(event.customer(), event.id());
                endings.put(event.id(), "fired");
            } else if (event.type().equals("order.completed") && open != null) {
                endings.put(open, "cancelled");
                pending.remove(event.customer());
            }
        }
        return endings;
    }

    private static Map<String, String> followUpEndings(String url) throws Exception {
        Map<String, String> endings = new HashMap<>();
        try (java.sql.Connection db = DriverManager.getConnection(url, "postgres", "");
             Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT d.event_id, f.status FROM follow_ups f JOIN decisions d ON d.id = f.decision_id")) {
            while (rows.next()) {
                endings.put(rows.getString(1), rows.getString(2));
            }
        }
        return endings;
    }

    /**
     * Customers with an event received strictly before one they had published earlier. Events of
     * one batch can share a receipt time; their order within the batch shows in the follow-up
     * endings, which depend on it.
     */
    private static Set<String> reorderedCustomers(String url) throws Exception {
        Set<String> reordered = new HashSet<>();
        Map<String, java.sql.Timestamp> last = new HashMap<>();
        try (java.sql.Connection db = DriverManager.getConnection(url, "postgres", "");
             Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT customer_id, received_at FROM events ORDER BY customer_id, (data->>'seq')::int")) {
            while (rows.next()) {
                java.sql.Timestamp receivedAt = rows.getTimestamp(2);
                java.sql.Timestamp previous = last.put(rows.getString(1), receivedAt);
                if (previous != null && previous.after(receivedAt)) {
                    reordered.add(rows.getString(1));
                }
            }
        }
        return reordered;
    }

    private static List<String> consuming(BeckonProcess replica) {
        String queues = given().baseUri(replica.baseUrl()).get("/q/health/ready").then().extract().jsonPath()
                .getString("checks.find { it.name == 'rabbitmq-ingest' }.data.consuming");
        return queues == null || queues.isEmpty() ? List.of() : List.of(queues.split(","));
    }

    private static long count(String url, String sql) throws Exception {
        try (java.sql.Connection db = DriverManager.getConnection(url, "postgres", "");
             Statement statement = db.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
