package dev.beckon.campaign;

import dev.beckon.platform.ProblemException;
import dev.beckon.security.ApiScopes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.util.List;

/** A campaign's pool of unique offer codes: read with {@code read}, filled with {@code rules:write}. */
@RolesAllowed(ApiScopes.READ)
@Path("/api/campaigns/{name}/codes")
@Produces(MediaType.APPLICATION_JSON)
public class OfferCodeResource {

    @Inject
    OfferCodes codes;

    @GET
    public OfferCodes.PoolState state(@PathParam("name") String name) {
        return codes.state(name);
    }

    @RolesAllowed(ApiScopes.RULES_WRITE)
    @POST
    @Path("/generate")
    @Consumes(MediaType.APPLICATION_JSON)
    public OfferCodes.Generated generate(@PathParam("name") String name, OfferCodes.Generation request) {
        return codes.generate(name, request);
    }

    /**
     * Imports a CSV file sent as the body. Any content type is let through to here and refused
     * below, so that a caller without the scope hears 403 before hearing about the body.
     */
    @RolesAllowed(ApiScopes.RULES_WRITE)
    @POST
    @Path("/import")
    @Consumes(MediaType.WILDCARD)
    public OfferCodes.Imported importCsv(@PathParam("name") String name,
                                         @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        if (contentType == null || !(contentType.startsWith("text/csv") || contentType.startsWith("text/plain"))) {
            throw new ProblemException(415, "Unsupported media type",
                    "Send the codes as text/csv, one code a line", List.of());
        }
        return codes.importCsv(name, OfferCodeFiles.read(body));
    }
}
