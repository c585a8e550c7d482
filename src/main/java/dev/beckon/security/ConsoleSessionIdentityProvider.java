package dev.beckon.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Restores the identity of a signed-in console user on every later request. Form authentication
 * keeps only the user name in the encrypted session cookie and hands it back as a
 * {@link TrustedAuthenticationRequest}; the roles are read again from {@link ConsoleUser}, so a
 * user removed from the database is signed out at the next request.
 */
@ApplicationScoped
public class ConsoleSessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            ConsoleUser user = QuarkusTransaction.requiringNew()
                    .call(() -> ConsoleUser.<ConsoleUser>findById(request.getPrincipal()));
            if (user == null) {
                throw new AuthenticationFailedException("The signed-in console user no longer exists");
            }
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(user.username))
                    .addRoles(user.roleSet())
                    .build();
        });
    }
}
