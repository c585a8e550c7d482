package dev.beckon.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Console sessions kept on the server. Form authentication's encrypted cookie says who signed in;
 * a session here says that the sign-in still holds: it ends at sign-out, after the idle timeout,
 * after the absolute timeout, or when an admin disables the user or resets their password. Times
 * come from the injected clock, so tests move it instead of waiting.
 */
@ApplicationScoped
public class ConsoleSessions {

    private final SecureRandom random = new SecureRandom();

    @Inject
    SecurityConfig config;
    @Inject
    Clock clock;

    /** A new session for {@code username}; the token goes into the session cookie and is not stored. */
    public String start(String username, String remote) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = HexFormat.of().formatHex(secret);
        Instant now = clock.instant();
        QuarkusTransaction.requiringNew().run(() -> {
            StoredSession session = new StoredSession();
            session.tokenHash = ApiKeys.hash(token);
            session.username = username;
            session.remote = remote;
            session.createdAt = now;
            session.lastSeenAt = now;
            session.persist();
        });
        return token;
    }

    /**
     * The user of a session that still holds, marking it used now; empty when the token names no
     * session of {@code username}, or one that ended (a timed-out session is ended here).
     */
    public Optional<ConsoleUser> resume(String token, String username) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            StoredSession session = StoredSession.findById(ApiKeys.hash(token));
            if (session == null || session.endedAt != null || !session.username.equals(username)) {
                return Optional.empty();
            }
            Instant now = clock.instant();
            String timedOut = now.isAfter(session.createdAt.plus(config.session().absoluteTimeout())) ? "expired"
                    : now.isAfter(session.lastSeenAt.plus(config.session().idleTimeout())) ? "idle" : null;
            ConsoleUser user = ConsoleUser.findById(username);
            if (timedOut != null || user == null || user.disabledAt != null) {
                session.endedAt = now;
                session.endReason = timedOut != null ? timedOut : "disabled";
                return Optional.empty();
            }
            session.lastSeenAt = now;
            return Optional.of(user);
        });
    }

    public void end(String token, String reason) {
        if (token == null) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> StoredSession.update(
                "endedAt = ?1, endReason = ?2 where tokenHash = ?3 and endedAt is null", clock.instant(), reason, ApiKeys.hash(token)));
    }

    /** Ends every open session of the user, in the caller's transaction (a disable or a password reset). */
    public void endAllOf(String username, String reason) {
        StoredSession.update("endedAt = ?1, endReason = ?2 where username = ?3 and endedAt is null", clock.instant(), reason, username);
    }
}
