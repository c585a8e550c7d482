package dev.beckon.faults;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Everything a scenario runs against, started once for a whole suite: the suite's own PostgreSQL
 * and RabbitMQ node, Beckon's replicas on them, the endpoint decisions are delivered to, the
 * harness's rule set, and a webhook source for the shop. Scenarios share it; each one's customers
 * and events are named after its run, so their checks never mix.
 */
final class FaultRig implements AutoCloseable {

    static final String SOURCE = "fault-shop";
    static final String SOURCE_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String INGEST_QUEUE = "beckon.ingest";
    static final String EVENTS_EXCHANGE = "beckon.events";

    final FaultDatabase database;
    final FaultBroker broker;
    final Replicas replicas;
    final Receiver receiver;
    final BeckonApi api;
    final int followUpSeconds;
    private int harnessVersion;
    private int requests;

    private FaultRig(FaultDatabase database, FaultBroker broker, Replicas replicas, Receiver receiver, int followUpSeconds) {
        this.database = database;
        this.broker = broker;
        this.replicas = replicas;
        this.receiver = receiver;
        this.followUpSeconds = followUpSeconds;
        this.api = new BeckonApi(() -> replicas.baseUrl(requests++), Replicas.API_KEY);
    }

    /** Starts the rig under {@code home} (wiped first) with {@code replicas} Beckon processes. */
    static FaultRig start(Path home, int replicaCount, int followUpSeconds, Duration patience) throws Exception {
        FaultDatabase database = null;
        FaultBroker broker = null;
        Replicas replicas = null;
        Receiver receiver = null;
        try {
            database = new FaultDatabase(home.resolve("postgres")).start();
            broker = new FaultBroker("beckon-faults", home.resolve("rabbitmq"), patience).start();
            receiver = new Receiver(3_000);
            replicas = new Replicas(replicaCount, database.jdbcUrl(), broker.amqpUri(), patience).start();
            FaultRig rig = new FaultRig(database, broker, replicas, receiver, followUpSeconds);
            rig.setUp();
            return rig;
        } catch (Exception | Error e) {
            closeAll(replicas, receiver, broker, database);
            throw e;
        }
    }

    /** The harness's rule set (published), the receiving endpoint, and the shop's webhook source. */
    private void setUp() throws IOException, InterruptedException {
        harnessVersion = createRules(false);
        publish(harnessVersion, "fault suite rules");
        api.require("/api/webhook-endpoints", "{\"name\":\"fault-receiver\",\"url\":\"" + receiver.url() + "\"}");
        api.require("/api/webhook-sources", "{\"name\":\"" + SOURCE + "\",\"scheme\":\"standard\",\"secrets\":[\""
                + SOURCE_SECRET + "\"]}");
    }

    int harnessVersion() {
        return harnessVersion;
    }

    /** Stores the harness rules (the second version names its offer rule apart) as a draft; returns its version. */
    int createRules(boolean secondVersion) throws IOException, InterruptedException {
        String drl = HarnessRules.drl(followUpSeconds, secondVersion);
        String body = "{\"drl\":" + Json.quote(drl) + ",\"comment\":\"fault suite\"}";
        String answer = api.require("/api/rulesets", body).body();
        return Integer.parseInt(answer.replaceAll("(?s).*?\"version\":(\\d+).*", "$1"));
    }

    /**
     * Publishes a version and returns once every replica runs it. Other replicas pick a publish up
     * at their next rules sync (every 5 s): a stream started before then is partly decided by the
     * old version, which the two-replica runs showed.
     */
    void publish(int version, String comment) throws IOException, InterruptedException {
        api.require("/api/rulesets/" + version + "/publish", "{\"comment\":" + Json.quote(comment) + "}");
        replicas.awaitRuleSetVersion(version, java.time.Duration.ofSeconds(60));
    }

    Connection db() throws SQLException {
        return database.connect();
    }

    @Override
    public void close() {
        closeAll(replicas, receiver, broker, database);
    }

    private static void closeAll(AutoCloseable... parts) {
        for (AutoCloseable part : parts) {
            if (part == null) {
                continue;
            }
            try {
                part.close();
            } catch (Exception e) {
                System.err.println("Could not stop " + part.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
    }
}
