package dev.beckon.ingest.webhook;

import java.time.Instant;
import java.util.List;

/**
 * One way senders sign webhooks. Verification happens on the raw body, before anything is parsed
 * or written; every comparison of a signature is constant-time.
 */
public interface SignatureScheme {

    /** A webhook that passed: its id (the idempotency key) as the sender gave it. */
    record Verified(String webhookId) {
    }

    /** Why a webhook was refused; the message never contains the secret or the payload. */
    class Refused extends RuntimeException {
        private final int status;

        public Refused(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /**
     * Checks the request against any of {@code secrets} (several are active while one is rotated),
     * with {@code now} for timestamp tolerance. Throws {@link Refused} when it does not pass.
     */
    Verified verify(SignedRequest request, List<String> secrets, Instant now);

    /**
     * Whether the sender may post a form ({@code application/x-www-form-urlencoded}) with the JSON in its
     * {@code payload} field, rather than the JSON itself; see {@link WebhookBody}.
     */
    default boolean postsForms() {
        return false;
    }
}
