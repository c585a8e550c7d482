package dev.beckon.security;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Set;

/** An API key, stored as a SHA-256 hash: the key itself is shown once, when it is created. */
@Entity
@Table(name = "api_keys")
public class ApiKey extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String name;

    /** The first characters of the key, so an operator can tell keys apart. */
    public String prefix;

    @Column(name = "key_hash")
    public String keyHash;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    /** Comma-separated {@link ApiScopes}. */
    public String scopes;

    @Column(name = "created_by")
    public String createdBy;

    /** When the key was last accepted, to the minute (not written on every request). */
    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    public Set<String> scopeSet() {
        return CommaList.of(scopes);
    }
}
