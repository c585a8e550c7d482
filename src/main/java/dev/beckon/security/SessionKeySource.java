package dev.beckon.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The key that encrypts the console's session cookie: {@code BECKON_SESSION_KEY}, or, when it is
 * not set, a random key made once per process. Quarkus would make one itself, but it writes the key
 * it made into the log, and whoever reads the log could then forge a session cookie. Ordinal 200:
 * below application.properties and the environment, so a profile or
 * {@code QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY} still wins.
 */
public class SessionKeySource implements ConfigSource {

    static final String PROPERTY = "quarkus.http.auth.session.encryption-key";

    private static final class RandomKey {
        static final String VALUE = make();

        private static String make() {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
        }
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(PROPERTY);
    }

    @Override
    public String getValue(String propertyName) {
        if (!PROPERTY.equals(propertyName)) {
            return null;
        }
        String configured = System.getenv("BECKON_SESSION_KEY");
        return configured == null || configured.isBlank() ? RandomKey.VALUE : configured;
    }

    @Override
    public String getName() {
        return "beckon-session-key";
    }

    @Override
    public int getOrdinal() {
        return 200;
    }
}
