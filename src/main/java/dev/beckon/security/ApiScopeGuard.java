package dev.beckon.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * Deny by default on the API: an endpoint reached with an API key must say which scope it needs
 * ({@code @RolesAllowed} on the method or its class, checked by Quarkus itself); one that says
 * nothing answers 403, so a new endpoint is closed until someone decides who may use it.
 */
public class ApiScopeGuard {

    @Inject
    SecurityIdentity identity;

    @ServerRequestFilter
    public Optional<Response> refuseUndeclaredScope(SimpleResourceInfo resource) {
        if (!identity.hasRole(ApiKeyIdentityProvider.API_ROLE) || declaresAccess(resource)) {
            return Optional.empty();
        }
        return Optional.of(Response.status(Response.Status.FORBIDDEN).build());
    }

    private static boolean declaresAccess(SimpleResourceInfo resource) {
        Class<?> type = resource.getResourceClass();
        Method method;
        try {
            method = type.getMethod(resource.getMethodName(), resource.parameterTypes());
        } catch (NoSuchMethodException e) {
            return false;
        }
        return method.isAnnotationPresent(RolesAllowed.class) || method.isAnnotationPresent(PermitAll.class)
                || type.isAnnotationPresent(RolesAllowed.class);
    }
}
