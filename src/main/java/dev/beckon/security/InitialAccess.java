package dev.beckon.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Makes sure a fresh installation can be reached: an {@code admin} user (password from
 * BECKON_ADMIN_PASSWORD, or generated) and an API key (BECKON_API_KEY, or one generated). Nothing is
 * created when it exists already, and there is no default password in the code. What was generated
 * is handed over once through {@link FirstRunCredentials}, never through the log.
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
        FirstRunCredentials made = new FirstRunCredentials(Path.of(config.firstRunCredentialsFile()), System.out);
        createAdmin().ifPresent(password -> made.add("console user", ADMIN).add("console password", password));
        if (config.apiKey().isEmpty() && !apiKeys.anyStored()) {
            made.add("API key", apiKeys.issue("initial key", List.of(ApiScopes.ADMIN), "beckon").key());
        }
        made.handOver(clock.instant());
    }

    /** Creates the admin when there is no console user yet; the password, when it was generated. */
    private Optional<String> createAdmin() {
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
            LOG.info("Console user 'admin' was created with a generated password");
            return Optional.of(generated);
        }
        if (created) {
            LOG.info("Console user 'admin' was created with the password from BECKON_ADMIN_PASSWORD");
        }
        return Optional.empty();
    }

    private static String generatePassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
