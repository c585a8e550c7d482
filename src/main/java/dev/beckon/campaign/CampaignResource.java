package dev.beckon.campaign;

import dev.beckon.security.ApiScopes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/** Campaigns over HTTP: read with {@code read}, steered with {@code rules:write}. */
@RolesAllowed(ApiScopes.READ)
@Path("/api/campaigns")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CampaignResource {

    public record View(String name, String goal, Instant startsAt, Instant endsAt, String status,
                       java.math.BigDecimal holdoutPercent, CampaignSettings settings, String createdBy,
                       Instant createdAt, Instant updatedAt) {
        static View of(Campaign c) {
            return new View(c.name, c.goal, c.startsAt, c.endsAt, c.status, c.holdoutPercent, c.settings(), c.createdBy,
                    c.createdAt, c.updatedAt);
        }
    }

    @Inject
    Campaigns campaigns;

    @GET
    public List<View> list() {
        return campaigns.list().stream().map(View::of).toList();
    }

    @GET
    @Path("/{name}")
    public View get(@PathParam("name") String name) {
        return View.of(campaigns.get(name));
    }

    @RolesAllowed(ApiScopes.RULES_WRITE)
    @POST
    public Response create(Campaigns.Draft draft) {
        Campaign campaign = campaigns.create(draft);
        return Response.created(URI.create("/api/campaigns/" + campaign.name)).entity(View.of(campaign)).build();
    }

    @RolesAllowed(ApiScopes.RULES_WRITE)
    @PUT
    @Path("/{name}")
    public View update(@PathParam("name") String name, Campaigns.Draft draft) {
        return View.of(campaigns.update(name, draft));
    }

    @RolesAllowed(ApiScopes.RULES_WRITE)
    @POST
    @Path("/{name}/start")
    public View start(@PathParam("name") String name) {
        return View.of(campaigns.setStatus(name, "running"));
    }

    @RolesAllowed(ApiScopes.RULES_WRITE)
    @POST
    @Path("/{name}/pause")
    public View pause(@PathParam("name") String name) {
        return View.of(campaigns.setStatus(name, "paused"));
    }

    @RolesAllowed(ApiScopes.RULES_WRITE)
    @POST
    @Path("/{name}/end")
    public View end(@PathParam("name") String name) {
        return View.of(campaigns.setStatus(name, "ended"));
    }
}
