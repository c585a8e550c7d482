package dev.beckon.campaign.report;

import dev.beckon.security.ApiScopes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/**
 * A campaign's decisions as CSV, for anyone who may read its report: who was in which group, the
 * verdict, and the conversion credited, over the report's period ({@code ?from=&to=}, the last 30
 * days when left out).
 */
@RolesAllowed(ApiScopes.READ)
@Path("/api/campaigns/{name}/decisions.csv")
public class CampaignDecisionsResource {

    /** text/csv with its header row, as RFC 4180 and RFC 7111 register it. */
    public static final String CSV = "text/csv; charset=utf-8; header=present";

    @Inject
    DecisionExport export;

    @GET
    @Produces(CSV)
    public Response decisions(@PathParam("name") String name, @QueryParam("from") String from,
                              @QueryParam("to") String to) {
        return download(export.csv(name, from, to));
    }

    /** The export as a download named after the campaign and period. */
    public static Response download(DecisionExport.Download download) {
        return Response.ok(download.body(), CSV)
                .header("Content-Disposition", "attachment; filename=\"" + download.fileName() + "\"")
                .build();
    }
}
