package dev.beckon.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/**
 * Slows password guessing: after {@code beckon.security.login.max-failures} failed sign-ins for one
 * user name from one address within the lockout window, and none succeeding since, that name is
 * refused from that address, even with the right password, until the window has passed. The
 * failures are the audit log's own {@code login.failed} entries, so every replica counts the same
 * ones. Counting per address as well keeps a guesser elsewhere from locking the real user out.
 */
@ApplicationScoped
public class LoginThrottle {

    static final String LOGIN = "login";
    static final String FAILED = "login.failed";

    @Inject
    EntityManager entityManager;
    @Inject
    SecurityConfig config;
    @Inject
    Clock clock;

    /**
     * Whether sign-in as {@code target} from {@code remote} is refused for now. Holds a lock on the
     * name until the caller's transaction ends, so guesses sent in parallel are counted one by one.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean refuses(String target, String remote) {
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(7315003, hashtext(?1))")
                .setParameter(1, target).getSingleResult();
        Instant since = clock.instant().minus(config.login().lockout());
        Number failures = (Number) entityManager.createNativeQuery("""
                SELECT count(*) FROM audit_log f
                WHERE f.action = 'login.failed' AND f.target = ?1 AND coalesce(f.remote, '') = ?2 AND f.at > ?3
                  AND NOT EXISTS (SELECT 1 FROM audit_log s WHERE s.action = 'login' AND s.target = ?1
                                  AND coalesce(s.remote, '') = ?2 AND s.at > f.at)
                """).setParameter(1, target).setParameter(2, remote == null ? "" : remote).setParameter(3, since).getSingleResult();
        return failures.intValue() >= config.login().maxFailures();
    }
}
