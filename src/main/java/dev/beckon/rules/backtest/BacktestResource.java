package dev.beckon.rules.backtest;

import dev.beckon.platform.FieldError;
import dev.beckon.platform.ProblemException;
import dev.beckon.security.ApiScopes;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
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
import java.time.Instant;
import java.util.List;

/** Backtests over HTTP: start one, follow its progress, read its result, cancel it. */
@RolesAllowed(ApiScopes.READ)
@Path("/api/backtests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Blocking
public class BacktestResource {

    /** Which draft against which version (default: the live one) over which period (default: the last 7 days). */
    public record Request(int draftVersion, Integer baselineVersion, Instant from, Instant to) {
    }

    @Inject
    BacktestService backtests;

    @GET
    public List<Backtest> recent() {
        return backtests.recent();
    }

    @RolesAllowed(ApiScopes.RULES_WRITE)
    @POST
    public Response start(Request request) {
        if (request == null || request.draftVersion() < 1) {
            throw ProblemException.badRequest("Say which version to backtest",
                    List.of(new FieldError("draftVersion", "is required")));
        }
        Backtest started = backtests.start(request.draftVersion(), request.baselineVersion(), request.from(), request.to());
        return Response.accepted(started).location(URI.create("/api/backtests/" + started.id)).build();
    }

    @GET
    @Path("/{id}")
    public Backtest get(@PathParam("id") long id) {
        return backtests.get(id);
    }

    @RolesAllowed(ApiScopes.RULES_WRITE)
    @POST
    @Path("/{id}/cancel")
    public Backtest cancel(@PathParam("id") long id) {
        return backtests.cancel(id);
    }
}
