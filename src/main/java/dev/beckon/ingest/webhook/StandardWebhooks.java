package dev.beckon.ingest.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * The Standard Webhooks scheme (standardwebhooks.com): {@code webhook-signature: v1,<base64 HMAC-SHA256
 * of id.timestamp.body>}, several space-separated signatures allowed, secrets written {@code whsec_<base64>},
 * timestamps within five minutes. Also the scheme Beckon signs its own outbound webhooks with.
 */
public final class StandardWebhooks implements SignatureScheme {

    static final Duration TOLERANCE = Duration.ofMinutes(5);

    @Override
    public Verified verify(SignedRequest request, List<String> secrets, Instant now) {
        String id = request.header("webhook-id");
        String timestamp = request.header("webhook-timestamp");
        String signatures = request.header("webhook-signature");
        if (id == null || timestamp == null || signatures == null) {
            throw new Refused(401, "webhook-id, webhook-timestamp and webhook-signature headers are required");
        }
        Timestamps.requireFresh(timestamp, now, TOLERANCE);
        for (String secret : secrets) {
            byte[] expected = sign(secret, id, timestamp, request.body());
            for (String given : signatures.trim().split("\\s+")) {
                if (given.startsWith("v1,") && Hmac.same(expected, decode(given.substring(3)))) {
                    return new Verified(id);
                }
            }
        }
        throw new Refused(401, "no webhook-signature matches");
    }

    /** The signature of a message: for tests, and for Beckon's outbound webhooks. */
    public static byte[] sign(String secret, String id, String timestamp, byte[] body) {
        return Hmac.sha256(key(secret), (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8), body);
    }

    public static String header(String secret, String id, String timestamp, byte[] body) {
        return "v1," + Base64.getEncoder().encodeToString(sign(secret, id, timestamp, body));
    }

    private static byte[] key(String secret) {
        String encoded = secret.startsWith("whsec_") ? secret.substring("whsec_".length()) : secret;
        try {
            return Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            return secret.getBytes(StandardCharsets.UTF_8);
        }
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
