package dev.beckon.delivery;

import dev.beckon.audit.AuditLog;
import dev.beckon.platform.FieldError;
import dev.beckon.platform.ProblemException;
import io.agroal.api.AgroalDataSource;
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
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The delivery log: every delivery of a decision with each attempt (when, how long, the answer),
 * the dead ones waiting for a person, and redelivery of those.
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class DeliveryResource {

    static final Set<String> STATUSES = Set.of("pending", "delivered", "dead", "suppressed");
    static final int MAX_LIMIT = 500;

    @Inject
    DeliveryStore store;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;

    @GET
    @Path("/deliveries")
    public List<DeliveryStore.DeliveryView> latest(@QueryParam("status") String status,
                                                   @QueryParam("limit") @DefaultValue("100") int limit)
            throws SQLException {
        if (status != null && !STATUSES.contains(status)) {
            throw ProblemException.badRequest("Unknown status", List.of(new FieldError("status", "must be one of " + STATUSES)));
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemException.badRequest("limit is out of range",
                    List.of(new FieldError("limit", "must be between 1 and " + MAX_LIMIT)));
        }
        return store.latest(status, limit);
    }

    @GET
    @Path("/deliveries/{id}")
    public DeliveryStore.DeliveryView get(@PathParam("id") long id) throws SQLException {
        DeliveryStore.DeliveryView view = store.byId(id);
        if (view == null) {
            throw ProblemException.notFound("No delivery " + id);
        }
        return view;
    }

    @GET
    @Path("/decisions/{id}/deliveries")
    public List<DeliveryStore.DeliveryView> forDecision(@PathParam("id") UUID decisionId) throws SQLException {
        return store.forDecision(decisionId);
    }

    /** Sends a dead delivery again, from the first retry on, its maximum age counted from now. */
    @POST
    @Path("/deliveries/{id}/redeliver")
    @Transactional
    public DeliveryStore.DeliveryView redeliver(@PathParam("id") long id) throws SQLException {
        DeliveryStore.DeliveryView view = get(id);
        boolean requeued;
        try (Connection connection = dataSource.getConnection()) {
            requeued = store.redeliver(connection, id, clock.instant());
        }
        if (!requeued) {
            throw ProblemException.conflict("Delivery " + id + " is " + view.status() + ": only a dead delivery is redelivered");
        }
        audit.record("delivery.redelivered", "delivery:" + id,
                Map.of("decision", view.decisionId().toString(), "channel", view.channel()));
        return get(id);
    }
}
