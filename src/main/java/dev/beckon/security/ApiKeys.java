package dev.beckon.security;

import dev.beckon.audit.AuditLog;
import dev.beckon.platform.FieldError;
import dev.beckon.platform.ProblemException;
import dev.beckon.platform.Sha256;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Issues, checks and revokes API keys. Keys are 32 random bytes, so a fast SHA-256 hash is as safe
 * to store as a slow password hash would be, and checking a key costs one indexed lookup.
 */
@ApplicationScoped
public class ApiKeys {

    /** The owner name of BECKON_API_KEY, which holds every scope. */
    public static final String CONFIGURED = "BECKON_API_KEY";
    private static final String KEY_PREFIX = "bk_";
    /** How stale "last used" may get: a key used all the time is not written on every request. */
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);
    private final SecureRandom random = new SecureRandom();

    /** A key that was accepted: whose it is and what it may do. */
    public record Verified(String name, Set<String> scopes) {
    }

    /** A key just made: its plain text, shown once, and its stored record. */
    public record Issued(String key, ApiKey record) {
    }

    @Inject
    SecurityConfig config;
    @Inject
    Clock clock;
    @Inject
    AuditLog audit;

    /** A new key with these scopes; its plain text is returned once and never stored. */
    public Issued issue(String name, Collection<String> scopes, String createdBy) {
        String label = name == null ? "" : name.strip();
        Set<String> granted = new LinkedHashSet<>(scopes == null ? List.of() : scopes);
        if (label.isEmpty() || label.length() > 100) {
            throw ProblemException.badRequest("Name the key", List.of(new FieldError("name", "is required, at most 100 characters")));
        }
        if (granted.isEmpty() || !granted.stream().allMatch(ApiScopes::known)) {
            throw ProblemException.badRequest("Choose the key's scopes",
                    List.of(new FieldError("scopes", "must be one or more of " + String.join(", ", ApiScopes.ALL))));
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String key = KEY_PREFIX + HexFormat.of().formatHex(secret);
        ApiKey stored = QuarkusTransaction.requiringNew().call(() -> {
            ApiKey entity = new ApiKey();
            entity.name = label;
            entity.prefix = key.substring(0, 10);
            entity.keyHash = hash(key);
            entity.scopes = String.join(",", granted);
            entity.createdBy = createdBy;
            entity.createdAt = clock.instant();
            entity.persist();
            audit.record("api-key.created", "api-key:" + entity.id, Map.of("name", label, "scopes", entity.scopes));
            return entity;
        });
        return new Issued(key, stored);
    }

    /** Revokes the key at once: the next request with it is refused. Revoking twice changes nothing. */
    public ApiKey revoke(long id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ApiKey key = ApiKey.<ApiKey>findByIdOptional(id)
                    .orElseThrow(() -> ProblemException.notFound("No API key " + id));
            if (key.revokedAt == null) {
                key.revokedAt = clock.instant();
                audit.record("api-key.revoked", "api-key:" + id, Map.of("name", key.name));
            }
            return key;
        });
    }

    /** Every key, newest first, revoked ones included (without their hashes' use to anyone). */
    public List<ApiKey> list() {
        return QuarkusTransaction.requiringNew().call(() -> ApiKey.<ApiKey>listAll(Sort.descending("createdAt", "id")));
    }

    /** The key's owner and scopes when the key is valid and not revoked. */
    public Optional<Verified> verify(String presented) {
        if (presented == null || presented.isBlank()) {
            return Optional.empty();
        }
        String hash = hash(presented);
        if (config.apiKey().isPresent() && MessageDigest.isEqual(
                hash.getBytes(StandardCharsets.US_ASCII), hash(config.apiKey().get()).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of(new Verified(CONFIGURED, Set.of(ApiScopes.ADMIN)));
        }
        return QuarkusTransaction.requiringNew().call(() -> ApiKey.<ApiKey>find("keyHash = ?1 and revokedAt is null", hash)
                .firstResultOptional().map(key -> {
                    Instant now = clock.instant();
                    if (key.lastUsedAt == null || key.lastUsedAt.isBefore(now.minus(LAST_USED_PRECISION))) {
                        key.lastUsedAt = now;
                    }
                    return new Verified(key.name, key.scopeSet());
                }));
    }

    public boolean anyStored() {
        return QuarkusTransaction.requiringNew().call(() -> ApiKey.count() > 0);
    }

    static String hash(String key) {
        return Sha256.hex(key);
    }
}
