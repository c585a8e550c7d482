package dev.beckon.security.secrets;

import static dev.beckon.support.Api.api;
import static dev.beckon.support.Api.event;
import static dev.beckon.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.beckon.ingest.webhook.WebhookSource;
import dev.beckon.support.SignedWebhooks;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Webhook secrets in the database: ciphertext under the configured key, still verifying and signing, and rotated at start. */
@QuarkusTest
class SecretsAtRestTest {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    SecretsAtRest secretsAtRest;
    @Inject
    SecretBox box;
    @ConfigProperty(name = "beckon.secrets.key")
    String configuredKey;

    @Test
    void aSourcesSecretIsStoredEncryptedAndStillVerifiesItsWebhooks() throws Exception {
        Source created = newSource();
        String source = created.name();
        String secret = created.secret();

        List<String> stored = storedSecrets("webhook_sources", source);
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0)).startsWith("enc:v1:" + box.currentKeyId() + ":").doesNotContain(secret)
                .doesNotContain(secret.substring("whsec_".length()));
        assertVerifies(created);
        // Reading it (every webhook does) writes nothing: a fresh nonce must not make the entity look changed.
        QuarkusTransaction.requiringNew().run(() -> assertThat(WebhookSource.<WebhookSource>findById(source).secrets)
                .containsExactly(secret));
        assertThat(storedSecrets("webhook_sources", source)).containsExactly(stored.get(0));
    }

    @Test
    void anEndpointsSecretIsStoredEncryptedAndNeverShownAgain() throws Exception {
        String endpoint = unique("ep").toLowerCase();
        String secret = api().body(Map.of("name", endpoint, "url", "http://127.0.0.1:9/nowhere", "kinds", List.of("escalation")))
                .post("/api/webhook-endpoints").then().statusCode(201).extract().path("secret");
        try {
            List<String> stored = storedSecrets("webhook_endpoints", endpoint);
            assertThat(stored).singleElement().asString().startsWith("enc:v1:").doesNotContain(secret)
                    .doesNotContain(secret.substring("whsec_".length()));
            assertThat(box.decrypt(stored.get(0))).isEqualTo(secret);
        } finally {
            api().delete("/api/webhook-endpoints/" + endpoint).then().statusCode(204);
        }
    }

    @Test
    void aSecretStoredInClearBeforeTheUpgradeIsEncryptedAtStartAndStillVerifies() throws Exception {
        Source created = newSource();
        String source = created.name();
        String secret = created.secret();
        writeStoredSecrets("webhook_sources", source, secret); // as a Beckon before encryption left it

        assertThat(secretsAtRest.reencrypt(box)).isGreaterThanOrEqualTo(1);

        assertThat(storedSecrets("webhook_sources", source)).singleElement().asString()
                .startsWith("enc:v1:" + box.currentKeyId() + ":").doesNotContain(secret);
        assertVerifies(created);
    }

    @Test
    void rotatingTheKeyReencryptsEverySecretUnderTheNewKeyAndTheOldKeyIsThenNotNeeded() throws Exception {
        Source created = newSource();
        byte[] current = Base64.getDecoder().decode(configuredKey);
        byte[] next = "a rotated secrets key of 32 byte".getBytes(StandardCharsets.US_ASCII);
        SecretBox rotated = new SecretBox(next, List.of(current));
        try {
            assertThat(secretsAtRest.reencrypt(rotated)).isGreaterThanOrEqualTo(1);

            String stored = storedSecrets("webhook_sources", created.name()).get(0);
            assertThat(stored).startsWith("enc:v1:" + SecretBox.idOf(next) + ":");
            assertThat(new SecretBox(next, List.of()).decrypt(stored)).as("read with the new key alone")
                    .isEqualTo(created.secret());
            assertThat(box.canRead(stored)).as("the old key alone no longer reads it").isFalse();
            assertThat(secretsAtRest.reencrypt(rotated)).as("a second start has nothing to do").isZero();
        } finally {
            // Back under the configured key, for the rest of the run.
            secretsAtRest.reencrypt(new SecretBox(current, List.of(next)));
        }
        assertThat(storedSecrets("webhook_sources", created.name()).get(0)).startsWith("enc:v1:" + box.currentKeyId() + ":");
        assertVerifies(created);
    }

    @Test
    void aStoredSecretUnderAKeyNotGivenStopsTheStartNamingTheKeyAndChangesNothing() throws Exception {
        String source = newSource().name();
        String before = storedSecrets("webhook_sources", source).get(0);
        SecretBox withoutTheKey = new SecretBox("a key this Beckon was never given".substring(0, 32)
                .getBytes(StandardCharsets.US_ASCII), List.of());

        assertThatThrownBy(() -> secretsAtRest.reencrypt(withoutTheKey))
                .hasStackTraceContaining(SecretBox.UnknownKeyException.class.getSimpleName())
                .hasStackTraceContaining("under key " + box.currentKeyId());

        assertThat(storedSecrets("webhook_sources", source)).containsExactly(before);
    }

    private record Source(String name, String secret) {
    }

    /** A Standard Webhooks source made over the API, with a secret of its own. */
    private static Source newSource() {
        Source source = new Source(unique("src"), "whsec_" + Base64.getEncoder()
                .encodeToString(unique("secret-of-32-bytes-").substring(0, 32).getBytes(StandardCharsets.US_ASCII)));
        api().body(Map.of("name", source.name(), "scheme", "standard", "secrets", List.of(source.secret())))
                .post("/api/webhook-sources").then().statusCode(201);
        return source;
    }

    private static void assertVerifies(Source source) {
        SignedWebhooks.post(source.name(), source.secret(), unique("msg"), event(unique("e"), "page.viewed", unique("c"), "{}"))
                .statusCode(200);
    }

    private List<String> storedSecrets(String table, String name) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT secrets FROM " + table + " WHERE name = ?")) {
            select.setString(1, name);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).as(table + " " + name).isTrue();
                return Arrays.asList((String[]) row.getArray(1).getArray());
            }
        }
    }

    private void writeStoredSecrets(String table, String name, String... values) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE " + table + " SET secrets = ? WHERE name = ?")) {
            update.setArray(1, connection.createArrayOf("text", values));
            update.setString(2, name);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }
}
