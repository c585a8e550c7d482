package dev.beckon.ingest.webhook;

import dev.beckon.security.secrets.EncryptedSecrets;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A sender of webhooks: its endpoint name, how it signs, and the secrets it signs with. */
@Entity
@Table(name = "webhook_sources")
public class WebhookSource extends PanacheEntityBase {

    static final Map<String, SignatureScheme> SCHEMES = Map.of(
            "standard", new StandardWebhooks(), "stripe", new StripeSignature(),
            "shopify", new ShopifySignature(), "github", new GitHubSignature());

    /** The scheme names, in order, for a form to offer. */
    public static List<String> schemeNames() {
        return SCHEMES.keySet().stream().sorted().toList();
    }

    @Id
    public String name;

    public String scheme;

    /** Encrypted in the database, in clear here (EncryptedSecrets). */
    @Convert(converter = EncryptedSecrets.class)
    public List<String> secrets;

    public boolean enabled;

    /** A {@link PayloadMapping} as JSON; null when the sender posts Beckon events. */
    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode mapping;

    @Column(name = "created_at")
    public Instant createdAt;

    SignatureScheme signatureScheme() {
        return SCHEMES.get(scheme);
    }
}
