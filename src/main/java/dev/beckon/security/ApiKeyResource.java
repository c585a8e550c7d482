package dev.beckon.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** API keys over HTTP, for an admin key: list, create (the key's text is in this answer only), revoke. */
@RolesAllowed(ApiScopes.ADMIN)
@Path("/api/api-keys")
@Blocking
@Produces(MediaType.APPLICATION_JSON)
public class ApiKeyResource {

    public record NewKey(String name, List<String> scopes) {
    }

    /** A key as listed: never its hash. */
    public record View(long id, String name, String prefix, Set<String> scopes, String createdBy, Instant createdAt,
                       Instant lastUsedAt, Instant revokedAt) {
        static View of(ApiKey key) {
            return new View(key.id, key.name, key.prefix, key.scopeSet(), key.createdBy, key.createdAt, key.lastUsedAt,
                    key.revokedAt);
        }
    }

    public record Created(String key, View apiKey) {
    }

    @Inject
    ApiKeys keys;
    @Inject
    SecurityIdentity identity;

    @GET
    public List<View> list() {
        return keys.list().stream().map(View::of).toList();
    }

    @POST
    public Response create(NewKey request) {
        ApiKeys.Issued issued = keys.issue(request == null ? null : request.name(), request == null ? null : request.scopes(),
                identity.getPrincipal().getName());
        return Response.status(Response.Status.CREATED).entity(new Created(issued.key(), View.of(issued.record())))
                .header("Cache-Control", "no-store").build();
    }

    /** Revokes the key; it stays listed, with the time it was revoked. */
    @DELETE
    @Path("/{id}")
    public View revoke(@PathParam("id") long id) {
        return View.of(keys.revoke(id));
    }
}
