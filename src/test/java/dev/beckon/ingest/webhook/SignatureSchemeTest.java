package dev.beckon.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each scheme against signatures computed by an independent implementation: the Standard Webhooks
 * published test vector, and Python's hmac module for Stripe, Shopify and GitHub.
 */
class SignatureSchemeTest {

    // The test vector published with the Standard Webhooks specification.
    private static final String WHSEC = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String MSG_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final String TIMESTAMP = "1614265330";
    private static final byte[] VECTOR_BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    private static final String VECTOR_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    private static final Instant VECTOR_TIME = Instant.ofEpochSecond(1614265330);

    // Computed with Python's hmac module over this body.
    private static final byte[] BODY = "{\"id\":\"evt_1\",\"type\":\"checkout.session.completed\"}".getBytes(StandardCharsets.UTF_8);

    private final StandardWebhooks standard = new StandardWebhooks();

    @Test
    void acceptsThePublishedStandardWebhooksVector() {
        assertThat(standard.verify(vector(VECTOR_SIGNATURE, VECTOR_BODY), List.of(WHSEC), VECTOR_TIME).webhookId())
                .isEqualTo(MSG_ID);
        assertThat(StandardWebhooks.header(WHSEC, MSG_ID, TIMESTAMP, VECTOR_BODY)).isEqualTo(VECTOR_SIGNATURE);
    }

    @Test
    void refusesAWrongSignatureATamperedBodyAndAStaleTimestamp() {
        assertThatThrownBy(() -> standard.verify(vector("v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", VECTOR_BODY),
                List.of(WHSEC), VECTOR_TIME)).isInstanceOf(SignatureScheme.Refused.class);
        assertThatThrownBy(() -> standard.verify(vector(VECTOR_SIGNATURE, "{\"test\": 1}".getBytes(StandardCharsets.UTF_8)),
                List.of(WHSEC), VECTOR_TIME)).hasMessageContaining("no webhook-signature matches");
        assertThatThrownBy(() -> standard.verify(vector(VECTOR_SIGNATURE, VECTOR_BODY), List.of(WHSEC),
                VECTOR_TIME.plusSeconds(301))).hasMessageContaining("away from now");
        assertThat(standard.verify(vector(VECTOR_SIGNATURE, VECTOR_BODY), List.of(WHSEC), VECTOR_TIME.plusSeconds(299)))
                .isNotNull();
    }

    @Test
    void acceptsEitherOfTwoSecretsWhileOneIsRotatedAndAnyOfSeveralSignatures() {
        String next = "whsec_" + java.util.Base64.getEncoder().encodeToString("a new secret, 32 bytes long!!!!!".getBytes(StandardCharsets.UTF_8));
        assertThat(standard.verify(vector(VECTOR_SIGNATURE, VECTOR_BODY), List.of(next, WHSEC), VECTOR_TIME)).isNotNull();
        String both = StandardWebhooks.header(next, MSG_ID, TIMESTAMP, VECTOR_BODY) + " " + VECTOR_SIGNATURE;
        assertThat(standard.verify(vector(both, VECTOR_BODY), List.of(next), VECTOR_TIME)).isNotNull();
        assertThatThrownBy(() -> standard.verify(vector(VECTOR_SIGNATURE, VECTOR_BODY), List.of(next), VECTOR_TIME))
                .isInstanceOf(SignatureScheme.Refused.class);
    }

    @Test
    void refusesMissingHeaders() {
        assertThatThrownBy(() -> standard.verify(new SignedRequest(Map.of(), VECTOR_BODY), List.of(WHSEC), VECTOR_TIME))
                .isInstanceOfSatisfying(SignatureScheme.Refused.class, e -> assertThat(e.status()).isEqualTo(401));
    }

    @Test
    void verifiesStripe() {
        String good = "t=1700000000,v1=2645e0d0082857279e53336190efdb97adafd6e6d3200d5e50de15f9a8484905";
        Instant at = Instant.ofEpochSecond(1700000010);
        StripeSignature stripe = new StripeSignature();

        assertThat(stripe.verify(request("Stripe-Signature", good, BODY), List.of("whsec_stripe_test_secret"), at)).isNotNull();
        assertThatThrownBy(() -> stripe.verify(request("Stripe-Signature", good, VECTOR_BODY), List.of("whsec_stripe_test_secret"), at))
                .isInstanceOf(SignatureScheme.Refused.class);
        assertThatThrownBy(() -> stripe.verify(request("Stripe-Signature", good, BODY), List.of("whsec_stripe_test_secret"),
                at.plusSeconds(3600))).hasMessageContaining("away from now");
    }

    @Test
    void verifiesShopify() {
        ShopifySignature shopify = new ShopifySignature();
        SignedRequest good = new SignedRequest(Map.of("X-Shopify-Hmac-SHA256", "Y3uwj625iIdsrfaUJZF4psBF0TPOKKl1O5n7eoSnKpk=",
                "X-Shopify-Webhook-Id", "b54557e4"), BODY);

        assertThat(shopify.verify(good, List.of("shpss_test_secret"), Instant.now()).webhookId()).isEqualTo("b54557e4");
        assertThatThrownBy(() -> shopify.verify(good, List.of("another"), Instant.now())).isInstanceOf(SignatureScheme.Refused.class);
    }

    @Test
    void verifiesGitHubStyle() {
        GitHubSignature github = new GitHubSignature();
        SignedRequest good = new SignedRequest(Map.of("x-hub-signature-256",
                "sha256=808ab075e05cd3744744936fd1ac594d01b9dc215035d18eb8fece9dc6cc331c", "X-GitHub-Delivery", "d-1"), BODY);

        assertThat(github.verify(good, List.of("gh_test_secret"), Instant.now()).webhookId()).isEqualTo("d-1");
        assertThatThrownBy(() -> github.verify(new SignedRequest(good.headers(), VECTOR_BODY), List.of("gh_test_secret"), Instant.now()))
                .isInstanceOf(SignatureScheme.Refused.class);
    }

    private static SignedRequest vector(String signature, byte[] body) {
        return new SignedRequest(Map.of("webhook-id", MSG_ID, "webhook-timestamp", TIMESTAMP, "webhook-signature", signature), body);
    }

    private static SignedRequest request(String header, String value, byte[] body) {
        return new SignedRequest(Map.of(header, value), body);
    }
}
