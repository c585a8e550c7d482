package dev.beckon.ingest.deadletter;

import dev.beckon.ingest.EventOutcome;
import dev.beckon.platform.ProblemException;
import dev.beckon.security.ApiScopes;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Dead letters for operators: list, inspect, replay. */
@RolesAllowed(ApiScopes.READ)
@Path("/api/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class DeadLetterResource {

    @Inject
    DeadLetterReplay replay;

    @GET
    @Transactional
    public List<DeadLetter> list(@QueryParam("status") @DefaultValue("open") String status,
                                 @QueryParam("limit") @DefaultValue("100") int limit) {
        return DeadLetter.<DeadLetter>find("status", Sort.descending("lastFailedAt", "id"), status)
                .page(Page.ofSize(Math.max(1, Math.min(limit, 500)))).list();
    }

    @GET
    @Path("/{id}")
    @Transactional
    public DeadLetter get(@PathParam("id") long id) {
        DeadLetter letter = DeadLetter.findById(id);
        if (letter == null) {
            throw ProblemException.notFound("No dead letter " + id);
        }
        return letter;
    }

    @RolesAllowed(ApiScopes.EVENTS_WRITE)
    @POST
    @Path("/{id}/replay")
    public EventOutcome replay(@PathParam("id") long id) {
        return replay.replay(id);
    }
}
