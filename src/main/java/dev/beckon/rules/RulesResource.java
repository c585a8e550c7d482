package dev.beckon.rules;

import dev.beckon.platform.FieldError;
import dev.beckon.platform.ProblemException;
import dev.beckon.security.ApiScopes;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.List;

/** The live rules and each rule's statistics over time. */
@RolesAllowed(ApiScopes.READ)
@Path("/api/rules")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class RulesResource {

    @Inject
    RuleOverview overview;
    @Inject
    RuleFirings firings;
    @Inject
    ActiveRules active;
    @Inject
    Clock clock;

    @GET
    public List<RuleOverview.RuleView> live() {
        return overview.rulesOf(active.version());
    }

    /** Hour by hour, over the last {@code days} days. */
    @GET
    @Path("/{name}/stats")
    public List<RuleFirings.Hour> stats(@PathParam("name") String name, @QueryParam("days") @DefaultValue("7") int days) {
        if (days < 1 || days > 90) {
            throw ProblemException.badRequest("days is out of range", List.of(new FieldError("days", "must be between 1 and 90")));
        }
        return firings.series(name, days, clock.instant());
    }
}
