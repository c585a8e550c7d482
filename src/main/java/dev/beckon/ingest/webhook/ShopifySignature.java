package dev.beckon.ingest.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/** Shopify's scheme: {@code X-Shopify-Hmac-SHA256}, the base64 HMAC-SHA256 of the raw body; id in {@code X-Shopify-Webhook-Id}. */
public final class ShopifySignature implements SignatureScheme {

    @Override
    public Verified verify(SignedRequest request, List<String> secrets, Instant now) {
        String header = request.header("X-Shopify-Hmac-SHA256");
        if (header == null) {
            throw new Refused(401, "the X-Shopify-Hmac-SHA256 header is required");
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(header.trim());
        } catch (IllegalArgumentException e) {
            throw new Refused(401, "X-Shopify-Hmac-SHA256 is not base64");
        }
        for (String secret : secrets) {
            if (Hmac.same(Hmac.sha256(secret.getBytes(StandardCharsets.UTF_8), request.body()), given)) {
                return new Verified(request.header("X-Shopify-Webhook-Id"));
            }
        }
        throw new Refused(401, "X-Shopify-Hmac-SHA256 does not match");
    }
}
