package dev.beckon.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Makes sure a fresh installation can be reached: an {@code admin} user (password from
 * BECKON_ADMIN_PASSWORD, or generated and printed once) and an API key (BECKON_API_KEY, or one
 * generated and printed once). Nothing is created when it exists already, and there is no
 * default password in the code.
 */
@ApplicationScoped
public class InitialAccess {

    private static final Logger LOG = Logger.getLogger(InitialAccess.class);
    static final String ADMIN = "admin";

    @Inject
    SecurityConfig config;
    @Inject
    ApiKeys apiKeys;
    @Inject
    Clock clock;

    void onStart(@Observes @Priority(10) StartupEvent event) {
        createAdmin();
        if (config.apiKey().isEmpty() && !apiKeys.anyStored()) {
            String key = apiKeys.issue("initial key", List.of(ApiScopes.ADMIN), "beckon").key();
            announce("An API key was created for you (shown only now): " + key);
        }
    }

    private void createAdmin() {
        String generated = config.adminPassword().isPresent() ? null : generatePassword();
        String password = config.adminPassword().orElse(generated);
        boolean created = QuarkusTransaction.requiringNew().call(() -> {
            // A lock so that two replicas starting together do not both create the admin.
            ConsoleUser.getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(7315001)").getSingleResult();
            if (ConsoleUser.count() > 0) {
                return false;
            }
            ConsoleUser admin = new ConsoleUser();
            admin.username = ADMIN;
            admin.passwordHash = Passwords.hash(password);
            admin.roles = "admin";
            admin.createdAt = clock.instant();
            admin.persist();
            return true;
        });
        if (created && generated != null) {
            announce("Console user 'admin' was created with password (shown only now): " + generated);
        } else if (created) {
            LOG.info("Console user 'admin' was created with the password from BECKON_ADMIN_PASSWORD");
        }
    }

    private static String generatePassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void announce(String line) {
        String rule = "=".repeat(Math.min(100, line.length()));
        LOG.warn("\n" + rule + "\n" + line + "\n" + rule);
    }
}
