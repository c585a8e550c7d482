package dev.beckon.ingest;

import dev.beckon.event.EventEnvelope;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One message offered to the pipeline: either a valid event, or a body that failed to parse
 * (kept with its reason so it is dead-lettered in the same transaction as the rest of the batch).
 *
 * @param messageKey identifies the message across redeliveries: the event id, or a hash of the body
 * @param payload    the message as received, kept for dead-lettering and replay
 */
public record Incoming(String messageKey, String channel, String payload, EventEnvelope event, String rejection,
                       Instant receivedAt) {

    public static Incoming valid(EventEnvelope event, String channel, String payload, Instant receivedAt) {
        return new Incoming(event.id(), channel, payload, event, null, receivedAt);
    }

    public static Incoming rejected(String channel, String payload, String reason, Instant receivedAt) {
        return new Incoming(bodyKey(payload), channel, payload, null, reason, receivedAt);
    }

    public boolean isValid() {
        return event != null;
    }

    /** A stable key for a body without a readable event id. */
    static String bodyKey(String payload) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(payload.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
