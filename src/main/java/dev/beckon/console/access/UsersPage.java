package dev.beckon.console.access;

import dev.beckon.console.ConsoleProblem;
import dev.beckon.console.ConsoleRoles;
import dev.beckon.platform.ProblemException;
import dev.beckon.security.ConsoleUser;
import dev.beckon.security.ConsoleUsers;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

/**
 * Console users, for admins: the list with a form for a new user, and one user's page to change
 * roles, reset the password, disable or enable. Changes redirect back with a notice; a refusal
 * comes back on the page with its reason.
 */
@Path("/users")
@Blocking
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class UsersPage {

    /** The new-user form as it was left (never the password), and why it was refused. */
    public record NewUser(String username, List<String> roles, ConsoleProblem problem) {
        static final NewUser EMPTY = new NewUser("", List.of(), null);
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance users(String user, List<ConsoleUser> users, List<String> allRoles, NewUser form);

        static native TemplateInstance user(String user, ConsoleUser shown, List<String> allRoles, boolean self,
                                            String notice, ConsoleProblem problem);
    }

    @Inject
    ConsoleUsers users;
    @Inject
    SecurityIdentity identity;

    @GET
    public TemplateInstance list() {
        ConsoleRoles.require(ConsoleRoles.canManageAccess(identity));
        return listPage(NewUser.EMPTY);
    }

    @POST
    public Response create(@FormParam("username") String username, @FormParam("password") String password,
                           @FormParam("roles") List<String> roles) {
        ConsoleRoles.require(ConsoleRoles.canManageAccess(identity));
        try {
            ConsoleUser created = users.create(username, password, roles);
            return Response.seeOther(URI.create(path(created.username) + "?notice=created")).build();
        } catch (ProblemException e) {
            return Response.status(e.status())
                    .entity(listPage(new NewUser(username == null ? "" : username, roles, ConsoleProblem.of(e)))).build();
        }
    }

    @GET
    @Path("/{name}")
    public TemplateInstance user(@PathParam("name") String name, @QueryParam("notice") String notice) {
        ConsoleRoles.require(ConsoleRoles.canManageAccess(identity));
        return userPage(users.get(name), notice(notice), null);
    }

    @POST
    @Path("/{name}/roles")
    public Response roles(@PathParam("name") String name, @FormParam("roles") List<String> roles) {
        return change(name, "roles", () -> users.setRoles(name, roles));
    }

    @POST
    @Path("/{name}/password")
    public Response password(@PathParam("name") String name, @FormParam("password") String password) {
        return change(name, "password", () -> users.resetPassword(name, password));
    }

    @POST
    @Path("/{name}/disable")
    public Response disable(@PathParam("name") String name) {
        return change(name, "disabled", () -> users.disable(name));
    }

    @POST
    @Path("/{name}/enable")
    public Response enable(@PathParam("name") String name) {
        return change(name, "enabled", () -> users.enable(name));
    }

    private Response change(String name, String notice, Supplier<ConsoleUser> change) {
        ConsoleRoles.require(ConsoleRoles.canManageAccess(identity));
        try {
            change.get();
            return Response.seeOther(URI.create(path(name) + "?notice=" + notice)).build();
        } catch (ProblemException e) {
            if (e.status() == 404) {
                throw e;
            }
            return Response.status(e.status()).entity(userPage(users.get(name), null, ConsoleProblem.of(e))).build();
        }
    }

    private TemplateInstance listPage(NewUser form) {
        return Templates.users(identity.getPrincipal().getName(), users.list(), ConsoleRoles.ALL, form);
    }

    private TemplateInstance userPage(ConsoleUser shown, String notice, ConsoleProblem problem) {
        String me = identity.getPrincipal().getName();
        return Templates.user(me, shown, ConsoleRoles.ALL, me.equals(shown.username), notice, problem);
    }

    /** Only the notices this page sends itself, so a link cannot put words on the page. */
    private static String notice(String key) {
        if (key == null) {
            return null;
        }
        switch (key) {
            case "created": return "The user was created. Give them their password by a safe way.";
            case "roles": return "Roles saved. They apply from the user's next request.";
            case "password": return "Password reset. The user's open sessions have ended.";
            case "disabled": return "The user is disabled and signed out.";
            case "enabled": return "The user may sign in again.";
            default: return null;
        }
    }

    private static String path(String name) {
        return "/users/" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
