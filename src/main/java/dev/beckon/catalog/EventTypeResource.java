package dev.beckon.catalog;

import dev.beckon.platform.ProblemException;
import dev.beckon.security.ApiScopes;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/** Event types: those seen lately and the fields their data carries, and the registered schemas. */
@RolesAllowed(ApiScopes.READ)
@Path("/api/event-types")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class EventTypeResource {

    @Inject
    EventTypeCatalog catalog;
    @Inject
    SchemaStore schemas;
    @Inject
    SchemaRegistration registration;
    @Inject
    SecurityIdentity identity;

    @GET
    public List<EventTypeCatalog.EventType> recent() {
        return catalog.recentTypes();
    }

    @GET
    @Path("/{type}/fields")
    public List<EventTypeCatalog.Field> fields(@PathParam("type") String type) {
        return catalog.fieldsOf(type);
    }

    /** Registers the next version of the type's schema: 201 with it, or 200 with the latest when the schema is unchanged. */
    @RolesAllowed(ApiScopes.RULES_WRITE)
    @POST
    @Path("/{type}/schemas")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(@PathParam("type") String type, SchemaRegistration.NewVersion request) {
        SchemaRegistration.Registered registered = registration.register(type, request, identity.getPrincipal().getName());
        RegisteredSchema schema = registered.schema();
        if (!registered.created()) {
            return Response.ok(schema).build();
        }
        return Response.created(URI.create("/api/event-types/" + type + "/schemas/" + schema.version())).entity(schema).build();
    }

    /** Every version of the type's schema, newest first. */
    @GET
    @Path("/{type}/schemas")
    public List<RegisteredSchema> versions(@PathParam("type") String type) {
        List<RegisteredSchema> versions = schemas.versionsOf(type);
        if (versions.isEmpty()) {
            throw ProblemException.notFound("No schema is registered for " + type);
        }
        return versions;
    }

    @GET
    @Path("/{type}/schemas/{version}")
    public RegisteredSchema version(@PathParam("type") String type, @PathParam("version") int version) {
        return schemas.versionsOf(type).stream().filter(s -> s.version() == version).findFirst()
                .orElseThrow(() -> ProblemException.notFound("No version " + version + " of the schema of " + type));
    }
}
