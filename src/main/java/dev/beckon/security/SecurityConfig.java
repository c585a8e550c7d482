package dev.beckon.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Access settings ({@code beckon.security.*}). */
@ConfigMapping(prefix = "beckon.security")
public interface SecurityConfig {

    /** From BECKON_API_KEY: this value is accepted as an API key with every scope (for automation); it is never stored. */
    Optional<String> apiKey();

    /** From BECKON_ADMIN_PASSWORD: password of the initial {@code admin} user; generated and printed once when unset. */
    Optional<String> adminPassword();

    /**
     * Where a generated admin password and API key are written at first start, readable by the file's owner
     * only (default {@code $BECKON_DATA_DIR/first-run-credentials}); its path is printed on standard output.
     * When it cannot be written (a read-only file system), they are printed on standard output instead, once.
     * They are never logged.
     */
    String firstRunCredentialsFile();

    /**
     * When true, the person (or API key) that created a draft rule set version may not publish it:
     * a second pair of eyes does. Rolling back to an archived version is not affected.
     */
    @WithDefault("false")
    boolean fourEyesPublishing();

    Session session();

    Login login();

    /** Console sessions, checked on the server at every request. */
    interface Session {

        /** A session not used for this long has ended; the next request asks for a sign-in. */
        @WithDefault("PT30M")
        Duration idleTimeout();

        /** A session ends this long after its sign-in however busy it is. */
        @WithDefault("PT12H")
        Duration absoluteTimeout();
    }

    /** Slowing down password guessing. */
    interface Login {

        /** Failed sign-ins for one user name from one address, within {@link #lockout()}, before more are refused. */
        @WithDefault("5")
        int maxFailures();

        /** How long failed sign-ins count; once the limit is reached, sign-in (even with the right password) waits this long. */
        @WithDefault("PT15M")
        Duration lockout();
    }
}
