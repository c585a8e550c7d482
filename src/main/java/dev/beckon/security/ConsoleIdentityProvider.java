package dev.beckon.security;

import dev.beckon.audit.AuditLog;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;

/**
 * Checks console sign-ins against the stored bcrypt hashes, and starts a new server-side session
 * for each one (so a session id is never reused across sign-ins), with its own CSRF token. Every
 * sign-in, failed or not, is audited with its address; too many failures in a row are refused by
 * {@link LoginThrottle}.
 */
@ApplicationScoped
@Startup
public class ConsoleIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    /** The identity attribute holding the session token, for signing out. */
    public static final String SESSION_TOKEN = "beckon.session-token";
    /** User names typed into the form are audited; a pasted essay is cut short. */
    private static final int LONGEST_NAME = 100;
    /**
     * Checked against when no such user exists, so that a wrong name takes as long to refuse as a
     * wrong password and the answer's timing does not tell which user names exist. Hashed once at
     * start-up ({@link Startup}): hashing takes a good part of a second by design, and the first
     * sign-in would otherwise pay for it on the event loop, which then serves nobody else.
     */
    private final String noSuchUser = Passwords.hash(UUID.randomUUID().toString());

    @Inject
    ConsoleSessions sessions;
    @Inject
    SessionCookies cookies;
    @Inject
    LoginThrottle throttle;
    @Inject
    AuditLog audit;
    @Inject
    CsrfTokens csrf;

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
            String remote = RemoteAddress.of(http);
            String typed = request.getUsername() == null ? "" : request.getUsername();
            String name = typed.length() > LONGEST_NAME ? typed.substring(0, LONGEST_NAME) : typed;
            String password = new String(request.getPassword().getPassword());
            String target = "console-user:" + name;
            Outcome outcome = QuarkusTransaction.requiringNew().call(() -> {
                if (throttle.refuses(target, remote)) {
                    audit.recordAs(name, remote, "login.throttled", target, Map.of());
                    return Outcome.THROTTLED;
                }
                ConsoleUser user = ConsoleUser.findById(name);
                boolean matches = Passwords.matches(password, user == null ? noSuchUser : user.passwordHash);
                if (user == null || !matches) {
                    audit.recordAs(name, remote, LoginThrottle.FAILED, target, Map.of("reason", "wrong user name or password"));
                    return Outcome.FAILED;
                }
                if (user.disabledAt != null) {
                    audit.recordAs(name, remote, LoginThrottle.FAILED, target, Map.of("reason", "user disabled"));
                    return Outcome.FAILED;
                }
                audit.recordAs(name, remote, LoginThrottle.LOGIN, target, Map.of());
                return Outcome.SIGNED_IN;
            });
            if (outcome == Outcome.THROTTLED && http != null) {
                cookies.noticeThrottled(http);
            }
            if (outcome != Outcome.SIGNED_IN) {
                throw new AuthenticationFailedException("Invalid user name or password");
            }
            return signIn(name, remote, http);
        });
    }

    private SecurityIdentity signIn(String name, String remote, RoutingContext http) {
        ConsoleUser user = QuarkusTransaction.requiringNew().call(() -> ConsoleUser.<ConsoleUser>findById(name));
        String token = sessions.start(user.username, remote);
        if (http != null) {
            sessions.end(cookies.session(http), "replaced"); // a sign-in over an open session ends the old one
            cookies.setSession(http, token);
            cookies.setCsrf(http, csrf.forSession(token)); // the new session's forms take its own token only
        }
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(user.username))
                .addRoles(user.roleSet())
                .addAttribute(SESSION_TOKEN, token)
                .build();
    }

    private enum Outcome { SIGNED_IN, FAILED, THROTTLED }
}
