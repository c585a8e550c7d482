package dev.beckon.console.access;

import dev.beckon.console.ConsoleProblem;
import dev.beckon.console.ConsoleRoles;
import dev.beckon.platform.ProblemException;
import dev.beckon.security.ApiKey;
import dev.beckon.security.ApiKeys;
import dev.beckon.security.ApiScopes;
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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/**
 * API keys, for admins: every key with its prefix, scopes, creation and last use; a form for a new
 * key, whose plain text is shown on the answer to that form only; revoking.
 */
@Path("/api-keys")
@Blocking
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class ApiKeysPage {

    /** The new-key form as it was left, and why it was refused. */
    public record NewKey(String name, List<String> scopes, ConsoleProblem problem) {
        static final NewKey EMPTY = new NewKey("", List.of(), null);
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance keys(String user, List<ApiKey> keys, List<String> allScopes, NewKey form,
                                            ApiKeys.Issued issued);
    }

    @Inject
    ApiKeys keys;
    @Inject
    SecurityIdentity identity;

    @GET
    public TemplateInstance list() {
        ConsoleRoles.require(ConsoleRoles.canManageAccess(identity));
        return page(NewKey.EMPTY, null);
    }

    /** Answers the page itself (no redirect), because it is the only place the key's text ever appears. */
    @POST
    public Response create(@FormParam("name") String name, @FormParam("scopes") List<String> scopes) {
        ConsoleRoles.require(ConsoleRoles.canManageAccess(identity));
        try {
            ApiKeys.Issued issued = keys.issue(name, scopes, identity.getPrincipal().getName());
            return Response.status(Response.Status.CREATED).entity(page(NewKey.EMPTY, issued))
                    .header("Cache-Control", "no-store").build();
        } catch (ProblemException e) {
            return Response.status(e.status())
                    .entity(page(new NewKey(name == null ? "" : name, scopes, ConsoleProblem.of(e)), null)).build();
        }
    }

    @POST
    @Path("/{id}/revoke")
    public Response revoke(@PathParam("id") long id) {
        ConsoleRoles.require(ConsoleRoles.canManageAccess(identity));
        keys.revoke(id);
        return Response.seeOther(URI.create("/api-keys")).build();
    }

    private TemplateInstance page(NewKey form, ApiKeys.Issued issued) {
        return Templates.keys(identity.getPrincipal().getName(), keys.list(), ApiScopes.ALL, form, issued);
    }
}
