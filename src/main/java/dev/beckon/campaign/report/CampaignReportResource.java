package dev.beckon.campaign.report;

import dev.beckon.security.ApiScopes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * A campaign's report over HTTP, for anyone who may read: {@code ?from=&to=} take dates
 * ({@code 2026-11-01}, {@code to} included) or instants, the last 30 days when left out.
 */
@RolesAllowed(ApiScopes.READ)
@Path("/api/campaigns/{name}/report")
@Produces(MediaType.APPLICATION_JSON)
public class CampaignReportResource {

    @Inject
    CampaignReports reports;

    @GET
    public CampaignReport report(@PathParam("name") String name, @QueryParam("from") String from,
                                 @QueryParam("to") String to) {
        return reports.report(name, from, to);
    }
}
