package dev.beckon.faults;

import dev.beckon.support.BeckonProcess;
import dev.beckon.support.ProcessEnvironment;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Several Beckon processes (the packaged jar) on the suite's database and broker: they share the
 * ingest queue (spread over shard queues when there are several, as in production), the outbox
 * and the follow-up table. A replica can be killed with SIGKILL and started again on the same port.
 */
final class Replicas implements AutoCloseable {

    static final String API_KEY = "fault-suite-api-key-0123456789";

    private static final HttpClient HEALTH = HttpClient.newHttpClient();

    private final List<BeckonProcess> processes = new ArrayList<>();
    private int kills;

    Replicas(int count, String jdbcUrl, String amqpUri, Duration patience) throws IOException {
        Map<String, String> environment = ProcessEnvironment.of(jdbcUrl, API_KEY);
        environment.put("BECKON_RABBITMQ_URI", amqpUri);
        // Retries within the run's patience: a failed delivery is tried again within a few seconds.
        environment.put("BECKON_DELIVERY_FIRST_RETRY", "PT0.5S");
        environment.put("BECKON_DELIVERY_MAX_RETRY_DELAY", "PT3S");
        environment.put("BECKON_DELIVERY_REQUEST_TIMEOUT", "PT2S");
        environment.put("BECKON_DELIVERY_LEASE", "PT10S");
        // One endpoint takes every decision of the stream, about 280 a second at 1,000 events/s. With the
        // default 4 requests at once, one endpoint takes about 80 a second on this machine (each request
        // also waits for its outcome's commit and the next claim), so the suite allows it 32.
        environment.put("BECKON_DELIVERY_PER_TARGET_CONCURRENCY", "32");
        environment.put("BECKON_CATALOG_SYNC_INTERVAL", "2s");
        environment.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        if (count > 1) {
            // Two shard queues per replica, as docs/events.md advises: replicas consume side by side in order.
            environment.put("BECKON_RABBITMQ_SHARDS", Integer.toString(2 * count));
        }
        for (int i = 0; i < count; i++) {
            processes.add(new BeckonProcess(environment, "faults/replica-" + (i + 1)).patience(patience));
        }
    }

    /** Starts every replica, one after the other (the first migrates the schema and installs the starter pack). */
    Replicas start() throws IOException, InterruptedException {
        for (BeckonProcess process : processes) {
            process.start();
        }
        return this;
    }

    /** Waits until every replica's readiness check reports {@code version} as its active rule set. */
    void awaitRuleSetVersion(int version, Duration patience) throws InterruptedException {
        Pattern active = Pattern.compile("\"version\"\\s*:\\s*" + version + "\\b");
        Instant deadline = Instant.now().plus(patience);
        for (BeckonProcess process : processes) {
            while (!active.matcher(readiness(process)).find()) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("a replica did not take up rule set version " + version
                            + " within " + patience.toSeconds() + " s: " + readiness(process));
                }
                Thread.sleep(200);
            }
        }
    }

    private String readiness(BeckonProcess process) throws InterruptedException {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(process.baseUrl() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(5)).build();
            return HEALTH.send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return ""; // restarting: asked again
        }
    }

    int size() {
        return processes.size();
    }

    String baseUrl(int replica) {
        return processes.get(Math.floorMod(replica, processes.size())).baseUrl();
    }

    /**
     * SIGKILLs the next replica in turn, notes the moment it was dead (epoch milliseconds) in
     * {@code kills}, and starts it again; returns when it is healthy.
     */
    void killAndRestartNext(List<Long> kills) throws IOException, InterruptedException {
        BeckonProcess victim = processes.get(this.kills++ % processes.size());
        victim.kill();
        kills.add(System.currentTimeMillis());
        victim.start();
    }

    @Override
    public void close() throws InterruptedException {
        for (BeckonProcess process : processes) {
            process.close();
        }
    }
}
