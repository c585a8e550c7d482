package dev.beckon.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Turns a valid API key into an identity with the {@code api} role and its scopes as roles. */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    public static final String API_ROLE = "api";

    @Inject
    ApiKeys apiKeys;

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> apiKeys.verify(request.getToken().getToken())
                .<SecurityIdentity>map(key -> QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal("key:" + key.name()))
                        .addRole(API_ROLE)
                        .addRoles(ApiScopes.roles(key.scopes()))
                        .build())
                .orElseThrow(() -> new AuthenticationFailedException("Invalid API key")));
    }
}
