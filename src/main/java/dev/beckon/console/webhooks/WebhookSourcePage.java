package dev.beckon.console.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.beckon.console.ConsoleProblem;
import dev.beckon.console.ConsoleRoles;
import dev.beckon.ingest.webhook.WebhookConfig;
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
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One webhook source: its endpoint, enabling and disabling it, rotating its secret (add a new one
 * beside the old, then retire the old), its mapping with a "try it" box, and its delivery log.
 */
@Path("/webhooks/{name}")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class WebhookSourcePage {

    static final int LOG_SIZE = 50;

    /** The source as its page shows it. */
    public record SourceView(String name, String scheme, boolean enabled, int secrets, String endpoint, Instant createdAt,
                             boolean mapped) {
    }

    /** After a rotation step: the secret Beckon made, shown this once, or why the step was refused. */
    public record SecretNotice(String shownOnce, ConsoleProblem problem) {
    }

    /** The mapping form as the user left it. */
    public record MappingForm(String preset, String mapping, ConsoleProblem problem) {
    }

    /** The try-it box: the sample as typed, and the events it maps to (pretty JSON) or the problem. */
    public record TryOutcome(String payload, String events, int count, ConsoleProblem problem) {
        static final TryOutcome NONE = new TryOutcome("", null, 0, null);
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance source(String user, SourceView source, SecretNotice secret, MappingForm mappingForm,
                                              List<String> presets, TryOutcome tryOutcome,
                                              List<WebhookDeliveries.Delivery> deliveries, String retention);

        static native TemplateInstance source$tryResult(TryOutcome tryOutcome);

        static native TemplateInstance payload(String user, String source, WebhookDeliveries.Delivery delivery, String payload);
    }

    @Inject
    WebhookSources sources;
    @Inject
    WebhookDeliveries deliveries;
    @Inject
    WebhookConfig config;
    @Inject
    ObjectMapper json;
    @Inject
    SecurityIdentity identity;
    @Context
    UriInfo uri;

    @GET
    public TemplateInstance show(@PathParam("name") String name) {
        ConsoleRoles.require(ConsoleRoles.canManageWebhooks(identity));
        WebhookSource source = find(name);
        return page(source, null, currentMapping(source), TryOutcome.NONE);
    }

    @POST
    @Path("/enable")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response enable(@PathParam("name") String name) {
        return setEnabled(name, true);
    }

    @POST
    @Path("/disable")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response disable(@PathParam("name") String name) {
        return setEnabled(name, false);
    }

    private Response setEnabled(String name, boolean enabled) {
        ConsoleRoles.require(ConsoleRoles.canManageWebhooks(identity));
        find(name);
        sources.setEnabled(name, enabled);
        return backToPage(name);
    }

    /** A new secret beside the old one: the sender's, when given, or one Beckon makes and shows this once. */
    @POST
    @Path("/secrets")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addSecret(@PathParam("name") String name, @FormParam("secret") String secret) {
        ConsoleRoles.require(ConsoleRoles.canManageWebhooks(identity));
        WebhookSource source = find(name);
        boolean generated = secret == null || secret.isBlank();
        String added = generated ? WebhookSecrets.generate(source.scheme) : secret.strip();
        try {
            source = sources.addSecret(name, added);
        } catch (ProblemException e) {
            return secretRefused(source, e);
        }
        return Response.ok(page(source, new SecretNotice(generated ? added : null, null), currentMapping(source),
                TryOutcome.NONE)).build();
    }

    /** Ends a rotation: the old secret stops working, the newest stays. */
    @POST
    @Path("/secrets/retire")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response retireOldSecret(@PathParam("name") String name) {
        ConsoleRoles.require(ConsoleRoles.canManageWebhooks(identity));
        WebhookSource source = find(name);
        try {
            sources.retireOldSecret(name);
        } catch (ProblemException e) {
            return secretRefused(source, e);
        }
        return backToPage(name);
    }

    private Response secretRefused(WebhookSource source, ProblemException e) {
        return Response.status(e.status()).entity(page(source, new SecretNotice(null, ConsoleProblem.of(e)),
                currentMapping(source), TryOutcome.NONE)).build();
    }

    @POST
    @Path("/mapping")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeMapping(@PathParam("name") String name, @FormParam("preset") String preset,
                                  @FormParam("mapping") String mapping) {
        ConsoleRoles.require(ConsoleRoles.canManageWebhooks(identity));
        WebhookSource source = find(name);
        ConsoleProblem problem;
        int status;
        try {
            MappingChoice choice = MappingChoice.read(json, preset, mapping);
            sources.changeMapping(name, choice.preset(), choice.mapping());
            return backToPage(name);
        } catch (ProblemException e) {
            problem = ConsoleProblem.of(e);
            status = e.status();
        } catch (FormRefusal e) {
            problem = e.problem;
            status = 400;
        }
        MappingForm form = new MappingForm(preset == null ? "" : preset, mapping == null ? "" : mapping, problem);
        return Response.status(status).entity(page(source, null, form, TryOutcome.NONE)).build();
    }

    /**
     * "Try it": the events a sample payload maps to, or the exact error. Nothing is stored. From htmx
     * only the result comes back, to be swapped in; a plain form post gets the whole page with it.
     */
    @POST
    @Path("/try")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance tryMapping(@PathParam("name") String name, @FormParam("payload") String payload,
                                       @HeaderParam("HX-Request") String htmx) {
        ConsoleRoles.require(ConsoleRoles.canManageWebhooks(identity));
        WebhookSource source = find(name);
        TryOutcome outcome = tryOn(name, payload == null ? "" : payload);
        return "true".equals(htmx) ? Templates.source$tryResult(outcome) : page(source, null, currentMapping(source), outcome);
    }

    /** One delivery with the payload its sender signed, while it is kept. */
    @GET
    @Path("/deliveries/{id}")
    public TemplateInstance delivery(@PathParam("name") String name, @PathParam("id") long id) {
        ConsoleRoles.require(ConsoleRoles.canManageWebhooks(identity));
        WebhookDeliveries.WithPayload delivery = deliveries.withPayload(name, id)
                .orElseThrow(() -> new NotFoundException("No delivery " + id + " of " + name));
        return Templates.payload(identity.getPrincipal().getName(), name, delivery.delivery(), readable(delivery.payload()));
    }

    private TryOutcome tryOn(String name, String payload) {
        try {
            JsonNode sample = JsonText.read(json, payload, JsonNode.class, "payload", "The sample payload");
            List<?> events = sources.tryMapping(name, sample);
            return new TryOutcome(payload, JsonText.pretty(json, events), events.size(), null);
        } catch (ProblemException e) {
            return new TryOutcome(payload, null, 0, ConsoleProblem.of(e));
        } catch (FormRefusal e) {
            return new TryOutcome(payload, null, 0, e.problem);
        }
    }

    /** A payload as text, indented when it is JSON; null when it was not kept or has been purged. */
    private String readable(byte[] payload) {
        if (payload == null) {
            return null;
        }
        String text = new String(payload, StandardCharsets.UTF_8);
        try {
            return JsonText.pretty(json, json.readTree(text));
        } catch (java.io.IOException e) {
            return text;
        }
    }

    private TemplateInstance page(WebhookSource source, SecretNotice secret, MappingForm mapping, TryOutcome tryOutcome) {
        SourceView view = new SourceView(source.name, source.scheme, source.enabled, source.secrets.size(),
                WebhooksPage.endpoint(uri, source.name), source.createdAt, source.mapping != null);
        return Templates.source(identity.getPrincipal().getName(), view, secret, mapping, WebhooksPage.presets(), tryOutcome,
                deliveries.latest(source.name, LOG_SIZE), retention(config.payloadRetention()));
    }

    private MappingForm currentMapping(WebhookSource source) {
        String preset = sources.presetOf(source);
        String text = source.mapping == null ? "" : JsonText.pretty(json, sources.mappingOf(source));
        return new MappingForm(preset == null ? "" : preset, text, null);
    }

    private WebhookSource find(String name) {
        try {
            return sources.find(name);
        } catch (ProblemException e) {
            throw new NotFoundException("No webhook source " + name);
        }
    }

    private static Response backToPage(String name) {
        return Response.seeOther(URI.create("/webhooks/" + name)).build();
    }

    /** The retention as people say it: "7 days", "12 hours"; empty when payloads are not kept. */
    static String retention(Duration retention) {
        if (retention.isZero() || retention.isNegative()) {
            return "";
        }
        if (retention.toHours() % 24 == 0 && retention.toSeconds() % 3600 == 0) {
            long days = retention.toDays();
            return days + (days == 1 ? " day" : " days");
        }
        if (retention.toSeconds() % 3600 == 0) {
            long hours = retention.toHours();
            return hours + (hours == 1 ? " hour" : " hours");
        }
        long minutes = Math.max(1, retention.toMinutes());
        return minutes + (minutes == 1 ? " minute" : " minutes");
    }
}
