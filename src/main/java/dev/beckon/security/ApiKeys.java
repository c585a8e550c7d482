package dev.beckon.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Issues and checks API keys. Keys are 32 random bytes, so a fast SHA-256 hash is as safe to
 * store as a slow password hash would be, and checking a key costs one indexed lookup.
 */
@ApplicationScoped
public class ApiKeys {

    private static final String KEY_PREFIX = "bk_";
    private final SecureRandom random = new SecureRandom();

    @Inject
    SecurityConfig config;
    @Inject
    Clock clock;

    /** A new key; its plain text is returned once and never stored. */
    public String issue(String name) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String key = KEY_PREFIX + HexFormat.of().formatHex(secret);
        QuarkusTransaction.requiringNew().run(() -> {
            ApiKey entity = new ApiKey();
            entity.name = name;
            entity.prefix = key.substring(0, 10);
            entity.keyHash = hash(key);
            entity.createdAt = clock.instant();
            entity.persist();
        });
        return key;
    }

    /** The name of the key's owner when the key is valid and not revoked. */
    public Optional<String> verify(String presented) {
        if (presented == null || presented.isBlank()) {
            return Optional.empty();
        }
        String hash = hash(presented);
        if (config.apiKey().isPresent() && MessageDigest.isEqual(
                hash.getBytes(StandardCharsets.US_ASCII), hash(config.apiKey().get()).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of("BECKON_API_KEY");
        }
        return QuarkusTransaction.requiringNew().call(() -> ApiKey.<ApiKey>find("keyHash = ?1 and revokedAt is null", hash)
                .firstResultOptional().map(key -> key.name));
    }

    public boolean anyStored() {
        return QuarkusTransaction.requiringNew().call(() -> ApiKey.count() > 0);
    }

    static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
