package dev.beckon.rules.scenario;

import dev.beckon.security.ApiScopes;
import io.smallrye.common.annotation.Blocking;
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

/** Scenario tests over HTTP, kept with the rule set; they run against a version at /api/rulesets/{version}/scenarios. */
@RolesAllowed(ApiScopes.READ)
@Path("/api/scenarios")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Blocking
public class ScenarioResource {

    @Inject
    ScenarioService scenarios;

    @GET
    public List<ScenarioService.Stored> list() {
        return scenarios.list();
    }

    @GET
    @Path("/{id}")
    public ScenarioService.Stored get(@PathParam("id") long id) {
        return scenarios.get(id);
    }

    @RolesAllowed(ApiScopes.RULES_WRITE)
    @POST
    public Response create(Scenario scenario) {
        ScenarioService.Stored created = scenarios.create(scenario);
        return Response.created(URI.create("/api/scenarios/" + created.id())).entity(created).build();
    }

    @RolesAllowed(ApiScopes.RULES_WRITE)
    @PUT
    @Path("/{id}")
    public ScenarioService.Stored update(@PathParam("id") long id, Scenario scenario) {
        return scenarios.update(id, scenario);
    }

    @RolesAllowed(ApiScopes.RULES_WRITE)
    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") long id) {
        scenarios.delete(id);
        return Response.noContent().build();
    }
}
