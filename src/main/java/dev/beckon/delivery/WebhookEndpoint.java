package dev.beckon.delivery;

import dev.beckon.security.secrets.EncryptedSecrets;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One of the business's endpoints: where decisions are posted, signed with its secrets, and which ones. */
@Entity
@Table(name = "webhook_endpoints")
public class WebhookEndpoint extends PanacheEntityBase {

    @Id
    public String name;

    public String url;

    /** Newest first; the message is signed with each, so a receiver can move to a rotated secret. */
    /** Encrypted in the database, in clear here (EncryptedSecrets). */
    @Convert(converter = EncryptedSecrets.class)
    public List<String> secrets;

    /** Decision kinds sent here ({@code offer}, {@code followup}, {@code escalation}); empty for all. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> kinds;

    /** Campaigns whose decisions are sent here; empty for all (escalations have no campaign). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> campaigns;

    public boolean enabled;

    @Column(name = "created_at")
    public Instant createdAt;

    /** Whether a decision of this kind and campaign goes to this endpoint. */
    public boolean wants(String kind, String campaign) {
        return enabled && (kinds.isEmpty() || kinds.contains(kind))
                && (campaigns.isEmpty() || (campaign != null && campaigns.contains(campaign)));
    }
}
