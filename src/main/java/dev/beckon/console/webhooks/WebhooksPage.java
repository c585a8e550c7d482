package dev.beckon.console.webhooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.beckon.console.ConsoleProblem;
import dev.beckon.console.ConsoleRoles;
import dev.beckon.ingest.webhook.PayloadMapping;
import dev.beckon.ingest.webhook.WebhookDeliveries;
import dev.beckon.ingest.webhook.WebhookSecrets;
import dev.beckon.ingest.webhook.WebhookSource;
import dev.beckon.ingest.webhook.WebhookSources;
import dev.beckon.platform.ProblemException;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The webhook sources: each with the endpoint to give its sender and its deliveries of the last
 * 24 hours, and a form to add one. A secret Beckon makes is shown once, on the page that answers
 * the form, like an API key; it is never shown again.
 */
@Path("/webhooks")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class WebhooksPage {

    static final Duration RECENT = Duration.ofHours(24);

    /** A source as listed. */
    public record Row(String name, String scheme, boolean enabled, int secrets, String endpoint, String mapping,
                      WebhookDeliveries.Counts recent) {
    }

    /** The add form as the user left it; the secret field is never filled in again. */
    public record Form(String name, String scheme, String preset, String mapping, ConsoleProblem problem) {
        static final Form EMPTY = new Form("", "standard", "", "", null);
    }

    /** A source just made; {@code secret} is the one Beckon generated, shown this once, or null when the sender's was given. */
    public record Created(String name, String scheme, String endpoint, String secret) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance webhooks(String user, List<Row> sources, Form form, List<String> schemes,
                                                List<String> presets);

        static native TemplateInstance created(String user, Created source);
    }

    @Inject
    WebhookSources sources;
    @Inject
    WebhookDeliveries deliveries;
    @Inject
    ObjectMapper json;
    @Inject
    SecurityIdentity identity;
    @Inject
    Clock clock;
    @Context
    UriInfo uri;

    @GET
    public TemplateInstance list() {
        ConsoleRoles.require(ConsoleRoles.canManageWebhooks(identity));
        return page(Form.EMPTY);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@FormParam("name") String name, @FormParam("scheme") String scheme,
                           @FormParam("secret") String secret, @FormParam("preset") String preset,
                           @FormParam("mapping") String mapping) {
        ConsoleRoles.require(ConsoleRoles.canManageWebhooks(identity));
        Form form = new Form(strip(name), scheme, preset == null ? "" : preset, mapping == null ? "" : mapping, null);
        boolean generated = secret == null || secret.isBlank();
        String activeSecret = generated ? WebhookSecrets.generate(scheme) : secret.strip();
        WebhookSource source;
        try {
            MappingChoice choice = MappingChoice.read(json, preset, mapping);
            source = sources.create(new WebhookSources.NewSource(form.name(), scheme, List.of(activeSecret),
                    choice.preset(), choice.mapping()));
        } catch (ProblemException e) {
            return refused(form, ConsoleProblem.of(e), e.status());
        } catch (FormRefusal e) {
            return refused(form, e.problem, 400);
        }
        Created created = new Created(source.name, source.scheme, endpoint(uri, source.name), generated ? activeSecret : null);
        return Response.created(URI.create("/webhooks/" + source.name))
                .entity(Templates.created(identity.getPrincipal().getName(), created)).build();
    }

    /** The URL a sender posts to, absolute, as it is pasted into the sender's settings. */
    static String endpoint(UriInfo uri, String source) {
        return uri.getBaseUriBuilder().path("hooks").path(source).build().toString();
    }

    private Response refused(Form form, ConsoleProblem problem, int status) {
        Form shown = new Form(form.name(), form.scheme(), form.preset(), form.mapping(), problem);
        return Response.status(status).entity(page(shown)).build();
    }

    private TemplateInstance page(Form form) {
        Map<String, WebhookDeliveries.Counts> recent = deliveries.countsSince(clock.instant().minus(RECENT));
        List<Row> rows = sources.list().stream().map(s -> new Row(s.name, s.scheme, s.enabled, s.secrets.size(),
                endpoint(uri, s.name), mappingName(s), recent.getOrDefault(s.name, WebhookDeliveries.Counts.NONE))).toList();
        return Templates.webhooks(identity.getPrincipal().getName(), rows, form, WebhookSource.schemeNames(), presets());
    }

    /** The presets' names, in order, for a form to offer. */
    static List<String> presets() {
        return PayloadMapping.PRESETS.keySet().stream().sorted().toList();
    }

    private String mappingName(WebhookSource source) {
        if (source.mapping == null) {
            return "Beckon events";
        }
        String preset = sources.presetOf(source);
        return preset == null ? "own mapping" : preset;
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }
}
