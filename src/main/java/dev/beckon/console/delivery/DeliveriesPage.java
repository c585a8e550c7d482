package dev.beckon.console.delivery;

import dev.beckon.console.ConsoleRoles;
import dev.beckon.delivery.Redelivery;
import dev.beckon.delivery.DeliveryStore;
import dev.beckon.delivery.DeliveryStore.DeliveryView;
import dev.beckon.platform.ProblemException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
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
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * Where decisions went: dead deliveries first, with their last error and a button to send them
 * again, then the latest deliveries; and for one decision, every delivery with each attempt.
 */
@Path("/deliveries")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class DeliveriesPage {

    static final int SHOWN = 100;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance deliveries(String user, List<DeliveryView> dead, List<DeliveryView> latest,
                                                  boolean canRedeliver, String notice);

        static native TemplateInstance decision(String user, UUID decisionId, List<DeliveryView> deliveries,
                                                boolean canRedeliver);
    }

    @Inject
    DeliveryStore store;
    @Inject
    Redelivery redelivery;
    @Inject
    SecurityIdentity identity;

    @GET
    public TemplateInstance list(@jakarta.ws.rs.QueryParam("redelivered") Long redelivered) throws SQLException {
        String notice = redelivered == null ? null : "Delivery " + redelivered + " is queued to be sent again.";
        return Templates.deliveries(identity.getPrincipal().getName(), store.latest("dead", SHOWN),
                store.latest(null, SHOWN), ConsoleRoles.canRedeliver(identity), notice);
    }

    @GET
    @Path("/decisions/{id}")
    public TemplateInstance decision(@PathParam("id") UUID decisionId) throws SQLException {
        return Templates.decision(identity.getPrincipal().getName(), decisionId, store.forDecision(decisionId),
                ConsoleRoles.canRedeliver(identity));
    }

    @POST
    @Path("/{id}/redeliver")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response redeliver(@PathParam("id") long id) throws SQLException {
        ConsoleRoles.require(ConsoleRoles.canRedeliver(identity));
        try {
            redelivery.redeliver(id);
        } catch (ProblemException e) {
            if (e.status() != 409) {
                throw e;
            }
            // Already redelivered, or delivered meanwhile: the list shows where it stands.
        }
        return Response.seeOther(URI.create("/deliveries?redelivered=" + id)).build();
    }
}
