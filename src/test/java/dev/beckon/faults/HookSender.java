package dev.beckon.faults;

import dev.beckon.ingest.webhook.StandardWebhooks;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * One sender of signed webhooks (Standard Webhooks) to {@code /hooks/{source}}, as a shop's
 * webhook queue sends them: one request at a time, a few queued events per request as a JSON
 * array, and a request that fails (a 5xx, no answer, Beckon gone) sent again with the same
 * webhook-id until Beckon answers 2xx, or 409 (it had accepted it already). Each customer's events
 * go through one sender, in order, so their order on the wire is the order they were made in.
 */
final class HookSender implements Runnable {

    static final int MAX_EVENTS_PER_WEBHOOK = 20;

    private final String name;
    private final String source;
    private final String secret;
    private final IntFunction<String> replicaUrl;
    private final BlockingQueue<PlannedEvent> queue = new LinkedBlockingQueue<>();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicInteger retries = new AtomicInteger();
    private final AtomicInteger sent = new AtomicInteger();
    private volatile boolean finishing;
    private volatile RuntimeException failure;
    private int webhooks;
    private int replica;

    HookSender(String name, String source, String secret, int firstReplica, IntFunction<String> replicaUrl) {
        this.name = name;
        this.source = source;
        this.secret = secret;
        this.replica = firstReplica;
        this.replicaUrl = replicaUrl;
    }

    void enqueue(PlannedEvent event) {
        queue.add(event);
    }

    int backlog() {
        return queue.size();
    }

    /** Sends what is queued, then stops. */
    void finish() {
        finishing = true;
    }

    int retries() {
        return retries.get();
    }

    int sent() {
        return sent.get();
    }

    /** Why this sender gave up, or null. */
    RuntimeException failure() {
        return failure;
    }

    @Override
    public void run() {
        try {
            while (!(finishing && queue.isEmpty())) {
                PlannedEvent first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                List<PlannedEvent> batch = new ArrayList<>();
                batch.add(first);
                queue.drainTo(batch, MAX_EVENTS_PER_WEBHOOK - 1);
                deliver(batch);
                sent.addAndGet(batch.size());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    private void deliver(List<PlannedEvent> batch) throws InterruptedException {
        String webhookId = name + "-" + (++webhooks);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        StringBuilder body = new StringBuilder("[");
        Instant occurredAt = Instant.now();
        for (PlannedEvent event : batch) {
            body.append(body.length() > 1 ? "," : "").append(event.json(occurredAt));
        }
        byte[] bytes = body.append(']').toString().getBytes(StandardCharsets.UTF_8);
        while (true) {
            int status = post(webhookId, bytes);
            if ((status >= 200 && status < 300) || status == 409) {
                return;
            }
            if (status >= 400 && status < 500) {
                throw new IllegalStateException("Beckon refused good webhook " + webhookId + " with " + status);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("webhook " + webhookId + " not accepted within 5 minutes");
            }
            retries.incrementAndGet();
            replica++; // another replica may be up while this one restarts
            Thread.sleep(200);
        }
    }

    /** The status Beckon answered, or -1 when it did not answer. */
    private int post(String webhookId, byte[] body) throws InterruptedException {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(URI.create(replicaUrl.apply(replica) + "/hooks/" + source))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("webhook-id", webhookId)
                .header("webhook-timestamp", timestamp)
                .header("webhook-signature", StandardWebhooks.header(secret, webhookId, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        }
    }
}
