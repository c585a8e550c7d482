package dev.beckon.ingest.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Stripe's scheme: {@code Stripe-Signature: t=<seconds>,v1=<hex HMAC-SHA256 of "t.body">[,v1=...]}.
 * Stripe's event id, inside the body, is the idempotency key; the header names none.
 */
public final class StripeSignature implements SignatureScheme {

    @Override
    public Verified verify(SignedRequest request, List<String> secrets, Instant now) {
        String header = request.header("Stripe-Signature");
        if (header == null) {
            throw new Refused(401, "the Stripe-Signature header is required");
        }
        String timestamp = null;
        List<String> given = new ArrayList<>();
        for (String part : header.split(",")) {
            String[] pair = part.trim().split("=", 2);
            if (pair.length == 2 && pair[0].equals("t")) {
                timestamp = pair[1];
            } else if (pair.length == 2 && pair[0].equals("v1")) {
                given.add(pair[1]);
            }
        }
        if (timestamp == null || given.isEmpty()) {
            throw new Refused(401, "Stripe-Signature needs t= and v1=");
        }
        Timestamps.requireFresh(timestamp, now, Duration.ofMinutes(5));
        for (String secret : secrets) {
            byte[] expected = Hmac.sha256(secret.getBytes(StandardCharsets.UTF_8),
                    (timestamp + ".").getBytes(StandardCharsets.UTF_8), request.body());
            for (String signature : given) {
                if (Hmac.same(expected, Hmac.hex(signature))) {
                    return new Verified(null);
                }
            }
        }
        throw new Refused(401, "no Stripe-Signature v1 matches");
    }
}
