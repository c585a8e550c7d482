package dev.beckon.privacy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.beckon.security.ApiScopes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;

/** Export and erasure of one customer's data over HTTP, for admin keys; the work is {@link CustomerPrivacy}'s. */
@RolesAllowed(ApiScopes.ADMIN)
@Path("/api/customers/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class PrivacyResource {

    /** Erasure asks for the id again. */
    public record Erasure(String confirm) {
    }

    @Inject
    CustomerPrivacy privacy;

    @GET
    @Path("/export")
    public ObjectNode export(@PathParam("id") String customerId) throws SQLException {
        return privacy.export(customerId);
    }

    @POST
    @Path("/erase")
    @Consumes(MediaType.APPLICATION_JSON)
    public CustomerPrivacy.Erased erase(@PathParam("id") String customerId, Erasure erasure) throws SQLException {
        return privacy.erase(customerId, erasure == null ? null : erasure.confirm());
    }
}
