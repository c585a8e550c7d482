package dev.beckon.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Restores the identity of a signed-in console user on every later request. Form authentication
 * hands back the user name from its encrypted cookie as a {@link TrustedAuthenticationRequest};
 * that is only believed while the server-side session named by the session cookie holds (see
 * {@link ConsoleSessions}). The roles are read again each time, so a role change applies at the
 * next request. A session that does not hold clears both cookies, so the browser goes to the
 * sign-in page once rather than carrying a dead session around.
 */
@ApplicationScoped
public class ConsoleSessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    @Inject
    ConsoleSessions sessions;
    @Inject
    SessionCookies cookies;

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
            String token = cookies.session(http);
            ConsoleUser user = sessions.resume(token, request.getPrincipal()).orElse(null);
            if (user == null) {
                if (http != null) {
                    cookies.clear(http);
                }
                throw new AuthenticationFailedException("The console session has ended");
            }
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(user.username))
                    .addRoles(user.roleSet())
                    .addAttribute(ConsoleIdentityProvider.SESSION_TOKEN, token)
                    .build();
        });
    }
}
