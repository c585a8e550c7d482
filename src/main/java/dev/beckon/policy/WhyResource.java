package dev.beckon.policy;

import dev.beckon.platform.ListLimit;
import dev.beckon.security.ApiScopes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Why a customer got, or did not get, each decision: read with {@code read}. */
@RolesAllowed(ApiScopes.READ)
@Path("/api/customers/{id}/why")
@Produces(MediaType.APPLICATION_JSON)
public class WhyResource {

    @Inject
    DecisionExplanations explanations;

    @GET
    public DecisionExplanations.Why why(@PathParam("id") String id, @QueryParam("limit") @DefaultValue("100") int limit) {
        return explanations.explain(id, ListLimit.checked(limit));
    }
}
