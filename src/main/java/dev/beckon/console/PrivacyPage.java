package dev.beckon.console;

import dev.beckon.platform.ProblemException;
import dev.beckon.privacy.CustomerPrivacy;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.Map;

/**
 * A customer's data rights, for admins: download everything Beckon holds about a customer, or
 * erase it. The same service as the API does the work, so both are audited alike.
 */
@Path("/privacy")
@Blocking
public class PrivacyPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance privacy(String user, String customer, Map<String, Integer> erased,
                                               ConsoleProblem problem);
    }

    @Inject
    CustomerPrivacy privacy;
    @Inject
    SecurityIdentity identity;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page() {
        ConsoleRoles.require(ConsoleRoles.canManagePrivacy(identity));
        return Templates.privacy(user(), "", null, null);
    }

    /** The export as a file to hand to the customer. */
    @GET
    @Path("/export")
    @Produces(MediaType.APPLICATION_JSON)
    public Response export(@QueryParam("customer") String customer) throws SQLException {
        ConsoleRoles.require(ConsoleRoles.canManagePrivacy(identity));
        if (customer == null || customer.isBlank()) {
            return Response.seeOther(java.net.URI.create("/privacy")).build();
        }
        return Response.ok(privacy.export(customer))
                .header("Content-Disposition", "attachment; filename=\"beckon-customer-export.json\"").build();
    }

    @POST
    @Path("/erase")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response erase(@FormParam("customer") String customer, @FormParam("confirm") String confirm)
            throws SQLException {
        ConsoleRoles.require(ConsoleRoles.canManagePrivacy(identity));
        String id = customer == null ? "" : customer;
        try {
            Map<String, Integer> deleted = privacy.erase(id, confirm).deleted();
            return Response.ok(Templates.privacy(user(), "", deleted, null)).build();
        } catch (ProblemException e) {
            return Response.status(e.status()).entity(Templates.privacy(user(), id, null, ConsoleProblem.of(e))).build();
        }
    }

    private String user() {
        return identity.getPrincipal().getName();
    }
}
