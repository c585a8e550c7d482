package dev.beckon.security.secrets;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** How webhook secrets are encrypted at rest ({@code beckon.secrets.*}); see {@link SecretBox}. */
@ConfigMapping(prefix = "beckon.secrets")
public interface SecretsConfig {

    /**
     * BECKON_SECRETS_KEY: base64 of 32 random bytes ({@code openssl rand -base64 32}), the AES-256 key
     * webhook source and endpoint secrets are encrypted under. Unset: the key in {@link #keyFile()},
     * made there on first start. Every replica needs the same key.
     */
    Optional<String> key();

    /**
     * BECKON_SECRETS_PREVIOUS_KEYS: keys secrets may still be encrypted under (comma-separated, base64).
     * Secrets under one of them are read, and encrypted again under {@link #key()} at start.
     */
    Optional<List<String>> previousKeys();

    /** Where the key is kept when {@link #key()} is unset: {@code $BECKON_DATA_DIR/secrets.key}. */
    @WithDefault("beckon-data/secrets.key")
    String keyFile();
}
