package dev.beckon.console;

import dev.beckon.audit.AuditLog;
import dev.beckon.security.ConsoleIdentityProvider;
import dev.beckon.security.ConsoleSessions;
import dev.beckon.security.SessionCookies;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;

/** The console's sign-in page; the form posts to Quarkus' form authentication at /j_security_check. */
@Path("/")
@Blocking
public class LoginPage {

    @Inject
    SecurityIdentity identity;
    @Inject
    ConsoleSessions sessions;
    @Inject
    AuditLog audit;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(boolean error, boolean throttled);
    }

    /** After a refused sign-in, says why: a wrong name or password, or too many failures in a row. */
    @GET
    @Path("login")
    @Produces(MediaType.TEXT_HTML)
    public Response login(@QueryParam("error") boolean error, @CookieParam(SessionCookies.LOGIN_NOTICE) String notice) {
        boolean throttled = error && SessionCookies.THROTTLED.equals(notice);
        Response.ResponseBuilder page = Response.ok(Templates.login(error, throttled));
        if (notice != null) {
            page.cookie(new NewCookie.Builder(SessionCookies.LOGIN_NOTICE).value("").path("/login").maxAge(0)
                    .httpOnly(true).sameSite(NewCookie.SameSite.STRICT).build());
        }
        return page.build();
    }

    /**
     * Ends the session on the server, so the cookies are worth nothing even to someone who kept a
     * copy, and clears them. Only a form post is accepted: the CSRF filter checks the token of form
     * posts and lets other content types through (for the JSON API), so a text/plain post must not
     * reach this method.
     */
    @POST
    @Path("logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logout() {
        sessions.end(identity.getAttribute(ConsoleIdentityProvider.SESSION_TOKEN), "logout");
        QuarkusTransaction.requiringNew().run(() ->
                audit.record("logout", "console-user:" + identity.getPrincipal().getName(), Map.of()));
        FormAuthenticationMechanism.logout(identity);
        return Response.seeOther(URI.create("/login"))
                .cookie(new NewCookie.Builder(SessionCookies.SESSION).value("").path("/").maxAge(0).httpOnly(true)
                        .sameSite(NewCookie.SameSite.STRICT).build())
                .build();
    }
}
