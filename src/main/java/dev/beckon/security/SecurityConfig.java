package dev.beckon.security;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** Access settings ({@code beckon.security.*}). */
@ConfigMapping(prefix = "beckon.security")
public interface SecurityConfig {

    /** From BECKON_API_KEY: this value is accepted as an API key (for automation); it is never stored. */
    Optional<String> apiKey();

    /** From BECKON_ADMIN_PASSWORD: password of the initial {@code admin} user; generated and printed once when unset. */
    Optional<String> adminPassword();
}
