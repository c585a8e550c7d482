package dev.beckon.segment;

import dev.beckon.platform.ListLimit;
import dev.beckon.security.ApiScopes;
import dev.beckon.segment.SegmentDefinition.Condition;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/** Segments over HTTP: read with {@code read}, defined with {@code rules:write} (rules and campaigns use them). */
@RolesAllowed(ApiScopes.READ)
@Path("/api/segments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SegmentResource {

    /** A segment with its member count and how fresh that is. */
    public record View(String name, String description, List<Condition> conditions, int memberCount,
                       Instant refreshedAt, Instant evaluatedThrough, String createdBy, Instant createdAt,
                       String updatedBy, Instant updatedAt) {
    }

    @Inject
    Segments segments;

    @GET
    public List<View> list() {
        return segments.list().stream().map(this::view).toList();
    }

    @GET
    @Path("/{name}")
    public View get(@PathParam("name") String name) {
        return view(segments.get(name));
    }

    @GET
    @Path("/{name}/members")
    public List<Segments.Member> members(@PathParam("name") String name, @QueryParam("limit") @DefaultValue("100") int limit) {
        return segments.members(name, ListLimit.checked(limit));
    }

    @RolesAllowed(ApiScopes.RULES_WRITE)
    @POST
    public Response create(Segments.Draft draft) {
        Segment segment = segments.create(draft);
        return Response.created(URI.create("/api/segments/" + segment.name)).entity(view(segment)).build();
    }

    @RolesAllowed(ApiScopes.RULES_WRITE)
    @PUT
    @Path("/{name}")
    public View update(@PathParam("name") String name, Segments.Draft draft) {
        return view(segments.update(name, draft));
    }

    @RolesAllowed(ApiScopes.RULES_WRITE)
    @DELETE
    @Path("/{name}")
    public Response delete(@PathParam("name") String name) {
        segments.delete(name);
        return Response.noContent().build();
    }

    /** Evaluates every customer now, e.g. after a bulk import, instead of waiting for the next full refresh. */
    @RolesAllowed(ApiScopes.RULES_WRITE)
    @POST
    @Path("/{name}/refresh")
    public View refresh(@PathParam("name") String name) {
        return view(segments.refresh(name));
    }

    private View view(Segment s) {
        return new View(s.name, s.description, segments.definitionOf(s).conditions(), s.memberCount, s.refreshedAt,
                s.evaluatedThrough, s.createdBy, s.createdAt, s.updatedBy, s.updatedAt);
    }
}
