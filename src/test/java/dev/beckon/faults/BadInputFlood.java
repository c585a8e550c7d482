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

/**
 * A flood of bad input, sent while good traffic flows: malformed and oversized JSON, wrong
 * signatures, replayed webhooks, events failing their type's schema, and events on which a rule
 * throws. Each HTTP request is noted with the answer Beckon must give; each bad RabbitMQ message
 * with the reason its dead letter must carry. Every bad item names the run and its kind in its
 * payload ({@code <run>-bad-<kind>-<n>}), so its dead letter can be found.
 */
final class BadInputFlood {

    static final String CHECKED_TYPE = "fault.checked";
    static final String SCHEMA = "{\"schema\":{\"type\":\"object\",\"required\":[\"amount\"],"
            + "\"properties\":{\"amount\":{\"type\":\"number\"}}},\"comment\":\"fault suite\"}";

    /** A request and what Beckon must answer: a status, as an RFC 7807 problem unless it is a 2xx. */
    record Refusal(String kind, int expectedStatus, int status, String contentType, String body) {
        boolean asExpected() {
            boolean problem = contentType.startsWith("application/problem+json") && body.contains("\"status\":" + status);
            if (expectedStatus == 202) {
                return status == 202 && body.contains("\"rejected\":1") && body.contains("Rule evaluation failed");
            }
            return status == expectedStatus && problem;
        }
    }

    /** A bad message put on the broker, and the start of the reason its dead letter must give. */
    record BadMessage(String marker, String reason) {
    }

    private final FaultRig rig;
    private final String run;
    private final int perKind;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final List<Refusal> refusals = new ArrayList<>();
    final List<BadMessage> messages = new ArrayList<>();

    BadInputFlood(FaultRig rig, String run, int perKind) {
        this.rig = rig;
        this.run = run;
        this.perKind = perKind;
    }

    void send() throws Exception {
        String oversizedWebhook = "[" + event("oversized", 0, "page.viewed", "\"pad\":\"" + "x".repeat(300 * 1024) + "\"") + "]";
        StringBuilder tooMany = new StringBuilder("[");
        for (int i = 0; i <= 1000; i++) {
            tooMany.append(i > 0 ? "," : "").append(event("toomany", i, "page.viewed", "\"n\":" + i));
        }
        String tooManyEvents = tooMany.append(']').toString();
        try (RabbitPublisher publisher = new RabbitPublisher(rig.broker.amqpUri(), FaultRig.EVENTS_EXCHANGE)) {
            for (int i = 0; i < perKind; i++) {
                api("malformed JSON", 400, "{\"id\":\"" + marker("json", i) + "\",\"type\":");
                api("too many events in one request", 413, tooManyEvents);
                api("event failing its schema", 400, event("schema", i, CHECKED_TYPE, "\"amount\":\"lots\""));
                api("rule throws", 202, event("explode", i, HarnessRules.EXPLODING_TYPE, ""));
                hook("oversized webhook", 413, marker("bighook", i), oversizedWebhook.getBytes(StandardCharsets.UTF_8), true);
                hook("wrong signature", 401, marker("badsig", i), event("badsig", i, "page.viewed", "").getBytes(StandardCharsets.UTF_8), false);
                byte[] good = event("replay", i, "page.viewed", "").getBytes(StandardCharsets.UTF_8);
                hook("first delivery of a webhook", 202, marker("replay", i), good, true);
                hook("webhook id replayed with another body", 409, marker("replay", i),
                        event("replay-changed", i, "page.viewed", "").getBytes(StandardCharsets.UTF_8), true);
                hook("webhook event failing its schema", 422, marker("hookschema", i),
                        event("hookschema", i, CHECKED_TYPE, "\"amount\":\"lots\"").getBytes(StandardCharsets.UTF_8), true);
                rabbit(publisher, "json", i, "x", "{\"id\":\"" + marker("json", i) + "\",\"type\":", "Not valid JSON");
                rabbit(publisher, "schema", i, CHECKED_TYPE, event("schema", i, CHECKED_TYPE, "\"amount\":\"lots\""),
                        "Does not match its type's schema");
                rabbit(publisher, "explode", i, HarnessRules.EXPLODING_TYPE, event("explode", i, HarnessRules.EXPLODING_TYPE, ""),
                        "Rule evaluation failed");
            }
        }
    }

    private String marker(String kind, int i) {
        return run + "-bad-" + kind + "-" + i;
    }

    /** An event of a customer outside the good stream's ({@code <run>-c...}), so it never counts there. */
    private String event(String kind, int i, String type, String data) {
        return "{\"id\":\"" + marker(kind, i) + "\",\"type\":\"" + type + "\",\"customerId\":\"" + run + "-bad-customer-" + i
                + "\",\"occurredAt\":\"" + Instant.now() + "\",\"data\":{" + data + "}}";
    }

    private void rabbit(RabbitPublisher publisher, String kind, int i, String routingKey, String payload, String reason)
            throws InterruptedException {
        String rabbitMarker = marker(kind, i);
        String body = payload.replace(rabbitMarker, rabbitMarker + "-rabbit");
        publisher.publish(RabbitPublisher.Message.of(routingKey, body));
        messages.add(new BadMessage(rabbitMarker + "-rabbit", reason));
    }

    private void api(String kind, int expected, String body) throws IOException, InterruptedException {
        BeckonApi.Answer answer = rig.api.post("/api/events", body);
        refusals.add(new Refusal(kind, expected, answer.status(), answer.contentType(), answer.body()));
    }

    private void hook(String kind, int expected, String webhookId, byte[] body, boolean signedRight)
            throws IOException, InterruptedException {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        String secret = signedRight ? FaultRig.SOURCE_SECRET : "whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        HttpRequest request = HttpRequest.newBuilder(URI.create(rig.replicas.baseUrl(0) + "/hooks/" + FaultRig.SOURCE))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .header("webhook-id", webhookId).header("webhook-timestamp", timestamp)
                .header("webhook-signature", StandardWebhooks.header(secret, webhookId, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (expected == 202) {
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("a good webhook was refused: " + response.statusCode() + " " + response.body());
            }
            return;
        }
        refusals.add(new Refusal(kind, expected, response.statusCode(),
                response.headers().firstValue("content-type").orElse(""), response.body()));
    }
}
