package dev.beckon.delivery;

import dev.beckon.platform.FieldError;
import dev.beckon.platform.ListLimit;
import dev.beckon.platform.ProblemException;
import dev.beckon.security.ApiScopes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The delivery log: every delivery of a decision with each attempt (when, how long, the answer),
 * the dead ones waiting for a person, and redelivery of those.
 */
@RolesAllowed(ApiScopes.READ)
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class DeliveryResource {

    static final Set<String> STATUSES = Set.of("pending", "delivered", "dead", "suppressed");

    @Inject
    DeliveryStore store;
    @Inject
    Redelivery redelivery;

    @GET
    @Path("/deliveries")
    public List<DeliveryStore.DeliveryView> latest(@QueryParam("status") String status,
                                                   @QueryParam("limit") @DefaultValue("100") int limit)
            throws SQLException {
        if (status != null && !STATUSES.contains(status)) {
            throw ProblemException.badRequest("Unknown status", List.of(new FieldError("status", "must be one of " + STATUSES)));
        }
        return store.latest(status, ListLimit.checked(limit));
    }

    @GET
    @Path("/deliveries/{id}")
    public DeliveryStore.DeliveryView get(@PathParam("id") long id) throws SQLException {
        return redelivery.find(id);
    }

    @GET
    @Path("/decisions/{id}/deliveries")
    public List<DeliveryStore.DeliveryView> forDecision(@PathParam("id") UUID decisionId) throws SQLException {
        return store.forDecision(decisionId);
    }

    /** Sends a dead delivery again, from the first retry on, its maximum age counted from now. */
    @RolesAllowed(ApiScopes.ADMIN)
    @POST
    @Path("/deliveries/{id}/redeliver")
    public DeliveryStore.DeliveryView redeliver(@PathParam("id") long id) throws SQLException {
        return redelivery.redeliver(id);
    }
}
