package dev.beckon.delivery;

import dev.beckon.delivery.WebhookEndpoints.EndpointRequest;
import dev.beckon.delivery.WebhookEndpoints.View;
import dev.beckon.delivery.WebhookEndpoints.WithSecret;
import dev.beckon.security.ApiScopes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/** The business's endpoints for decisions over HTTP; the work is {@link WebhookEndpoints}'. */
@RolesAllowed(ApiScopes.READ)
@Path("/api/webhook-endpoints")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WebhookEndpointResource {

    @Inject
    WebhookEndpoints endpoints;

    @GET
    public List<View> list() {
        return endpoints.list();
    }

    @GET
    @Path("/{name}")
    public View get(@PathParam("name") String name) {
        return endpoints.get(name);
    }

    @RolesAllowed(ApiScopes.ADMIN)
    @POST
    public Response create(EndpointRequest request) {
        WithSecret created = endpoints.create(request);
        return Response.created(URI.create("/api/webhook-endpoints/" + created.endpoint().name())).entity(created).build();
    }

    @RolesAllowed(ApiScopes.ADMIN)
    @PUT
    @Path("/{name}")
    public View update(@PathParam("name") String name, EndpointRequest request) {
        return endpoints.update(name, request);
    }

    /**
     * A new secret, used beside the old one: messages carry a signature for each until
     * {@code retire-old-secret}, so the receiver can switch without missing a message.
     */
    @RolesAllowed(ApiScopes.ADMIN)
    @POST
    @Path("/{name}/rotate-secret")
    public WithSecret rotateSecret(@PathParam("name") String name) {
        return endpoints.rotateSecret(name);
    }

    @RolesAllowed(ApiScopes.ADMIN)
    @POST
    @Path("/{name}/retire-old-secret")
    public View retireOldSecret(@PathParam("name") String name) {
        return endpoints.retireOldSecret(name);
    }

    /** Removes an endpoint; deliveries still waiting for it become dead, with the reason. */
    @RolesAllowed(ApiScopes.ADMIN)
    @DELETE
    @Path("/{name}")
    public Response delete(@PathParam("name") String name) {
        endpoints.delete(name);
        return Response.noContent().build();
    }

    @RolesAllowed(ApiScopes.ADMIN)
    @POST
    @Path("/{name}/enable")
    public View enable(@PathParam("name") String name) {
        return endpoints.enable(name);
    }

    @RolesAllowed(ApiScopes.ADMIN)
    @POST
    @Path("/{name}/disable")
    public View disable(@PathParam("name") String name) {
        return endpoints.disable(name);
    }
}
