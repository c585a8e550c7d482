package dev.beckon.console;

import dev.beckon.security.ConsoleIdentityProvider;
import dev.beckon.security.CsrfTokens;
import dev.beckon.security.SessionCookies;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.multipart.FormData;
import org.jboss.resteasy.reactive.server.multipart.FormValue;

/**
 * Refuses a signed-in user's form whose CSRF token is not their session's ({@link CsrfTokens}), and
 * answers every refused console form, whichever check refused it (this one or quarkus-rest-csrf's,
 * token against cookie), with a page that says the form expired and shows what was typed in it
 * (passwords aside) instead of a blank 400. Requests that are not a console session's (API keys,
 * nobody) are left to the CSRF filter and the security policy as before.
 */
public class ConsoleCsrf {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    /** A field of the refused form, shown so its value can be copied into the form again. */
    public record Field(String name, String value) {
        /** Enough rows to show the value, up to a screenful. */
        public int rows() {
            return Math.min(20, value.split("\n", -1).length);
        }
    }

    @CheckedTemplate
    static class Templates {
        /** Without the signed-in user, so without the menu, whose sign-out form needs the token this request lacks. */
        static native TemplateInstance expired(List<Field> fields, String back);
    }

    @Inject
    CsrfTokens tokens;
    @Inject
    SessionCookies cookies;
    @Inject
    SecurityIdentity identity;
    @ConfigProperty(name = "quarkus.rest-csrf.form-field-name", defaultValue = "csrf-token")
    String fieldName;
    @ConfigProperty(name = "quarkus.rest-csrf.token-header-name", defaultValue = "X-CSRF-TOKEN")
    String headerName;

    @ServerRequestFilter
    @WithFormRead
    public Response check(ContainerRequestContext request, RoutingContext http) {
        return refused(request, http) ? Response.status(Response.Status.BAD_REQUEST).build() : null;
    }

    /** Explains a refusal; runs whichever filter refused, as the two run in an order Quarkus does not promise. */
    @ServerResponseFilter
    public void explain(ContainerRequestContext request, ContainerResponseContext response, RoutingContext http) {
        if (response.getStatus() != Response.Status.BAD_REQUEST.getStatusCode() || response.hasEntity()
                || !refused(request, http)) {
            return;
        }
        String session = identity.getAttribute(ConsoleIdentityProvider.SESSION_TOKEN);
        cookies.setCsrf(http, tokens.forSession(session)); // so the form, opened again, is accepted
        String page = Templates.expired(kept(formData()), back(request.getHeaderString("Referer"))).render();
        response.getHeaders().putSingle("Beckon-Form-Expired", "true");
        response.setEntity(page, null, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
    }

    /**
     * Whether this is a console session's form (or htmx request with the token header) whose token
     * or cookie is not the session's. Anything else is not this class's to refuse.
     */
    private boolean refused(ContainerRequestContext request, RoutingContext http) {
        String session = identity.getAttribute(ConsoleIdentityProvider.SESSION_TOKEN);
        if (SAFE.contains(request.getMethod()) || session == null) {
            return false;
        }
        String sent = request.getHeaderString(headerName);
        if (sent == null && !isForm(request.getMediaType())) {
            return false; // not a form: every console action takes forms only, and refuses this one (415)
        }
        FormData form = formData();
        if (sent == null && form != null && form.getFirst(fieldName) != null) {
            sent = form.getFirst(fieldName).getValue();
        }
        return !tokens.belongsTo(session, sent) || !tokens.belongsTo(session, cookies.csrf(http));
    }

    /** The form as RESTEasy Reactive read it (for the filters that ask, {@link WithFormRead}). */
    private static FormData formData() {
        return CurrentRequestManager.get().getFormData();
    }

    /** What was typed into the form, but its token, files and passwords. */
    private List<Field> kept(FormData form) {
        List<Field> kept = new ArrayList<>();
        if (form == null) {
            return kept;
        }
        for (String name : form) {
            if (name.equals(fieldName) || name.toLowerCase(Locale.ROOT).contains("password")) {
                continue;
            }
            for (FormValue value : form.get(name)) {
                if (!value.isFileItem()) {
                    kept.add(new Field(name, value.getValue()));
                }
            }
        }
        return kept;
    }

    /** The page the form was on, when the browser says (a path on this site only), else the dashboard. */
    private static String back(String referer) {
        try {
            URI from = referer == null ? null : URI.create(referer);
            String path = from == null ? null : from.getRawPath();
            if (path != null && path.startsWith("/") && !path.startsWith("//")) {
                return from.getRawQuery() == null ? path : path + "?" + from.getRawQuery();
            }
        } catch (IllegalArgumentException e) {
            // not a URI: go to the dashboard
        }
        return "/";
    }

    private static boolean isForm(MediaType type) {
        return type != null && ("application".equals(type.getType()) && "x-www-form-urlencoded".equals(type.getSubtype())
                || "multipart".equals(type.getType()) && "form-data".equals(type.getSubtype()));
    }
}
