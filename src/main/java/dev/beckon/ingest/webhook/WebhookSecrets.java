package dev.beckon.ingest.webhook;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Secrets Beckon makes for a sender, 32 random bytes written the way the scheme's senders expect:
 * {@code whsec_<base64>} for Standard Webhooks (the key is the decoded bytes), hex for the others
 * (their key is the text itself). Stripe and Shopify make their own secrets; those are pasted instead.
 */
public final class WebhookSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSecrets() {
    }

    public static String generate(String scheme) {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return "standard".equals(scheme) ? "whsec_" + Base64.getEncoder().encodeToString(key) : HexFormat.of().formatHex(key);
    }
}
