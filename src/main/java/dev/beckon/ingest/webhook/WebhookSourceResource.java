package dev.beckon.ingest.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.beckon.audit.AuditLog;
import dev.beckon.platform.FieldError;
import dev.beckon.platform.ProblemException;
import dev.beckon.security.ApiScopes;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Webhook sources over HTTP. Secrets go in and are never given back. */
@RolesAllowed(ApiScopes.READ)
@Path("/api/webhook-sources")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Blocking
public class WebhookSourceResource {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    /** A new source: its name (the endpoint is /hooks/{name}), its scheme, and one or two secrets. */
    public record NewSource(String name, String scheme, List<String> secrets, String preset, PayloadMapping mapping) {
    }

    /** A source as listed: secrets are counted, never shown. */
    public record View(String name, String scheme, int secrets, boolean enabled, String endpoint, JsonNode mapping) {
        static View of(WebhookSource s) {
            return new View(s.name, s.scheme, s.secrets.size(), s.enabled, "/hooks/" + s.name, s.mapping);
        }
    }

    @Inject
    AuditLog audit;
    @Inject
    Clock clock;
    @Inject
    ObjectMapper json;
    @Inject
    WebhookReceiver receiver;

    /** New secrets (one, or two while the sender moves to the new one); the old ones stop working at once. */
    public record Secrets(List<String> secrets) {
    }

    /** A verified delivery as the log shows it. */
    public record Delivery(long id, String webhookId, Instant receivedAt, String status, int events, String error) {
    }

    @RolesAllowed(ApiScopes.ADMIN)
    @PUT
    @Path("/{name}/secrets")
    @Transactional
    public View rotate(@PathParam("name") String name, Secrets request) {
        WebhookSource source = find(name);
        if (request == null || request.secrets() == null || request.secrets().isEmpty() || request.secrets().size() > 2
                || request.secrets().stream().anyMatch(secret -> secret == null || secret.length() < 16)) {
            throw ProblemException.badRequest("The secrets are not valid",
                    List.of(new FieldError("secrets", "one or two secrets of at least 16 characters")));
        }
        source.secrets = List.copyOf(request.secrets());
        audit.record("webhook-source.secrets-rotated", "webhook-source:" + name, Map.of("secrets", request.secrets().size()));
        return View.of(source);
    }

    @RolesAllowed(ApiScopes.ADMIN)
    @POST
    @Path("/{name}/enable")
    @Transactional
    public View enable(@PathParam("name") String name) {
        return setEnabled(name, true);
    }

    @RolesAllowed(ApiScopes.ADMIN)
    @POST
    @Path("/{name}/disable")
    @Transactional
    public View disable(@PathParam("name") String name) {
        return setEnabled(name, false);
    }

    /** The latest verified deliveries of a source, newest first. */
    @GET
    @Path("/{name}/deliveries")
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Delivery> deliveries(@PathParam("name") String name) {
        find(name);
        List<Object[]> rows = WebhookSource.getEntityManager().createNativeQuery(
                        "SELECT id, webhook_id, received_at, status, events, error FROM webhook_deliveries "
                                + "WHERE source = ?1 ORDER BY received_at DESC, id DESC LIMIT 200")
                .setParameter(1, name).getResultList();
        return rows.stream().map(r -> new Delivery(((Number) r[0]).longValue(), (String) r[1],
                r[2] instanceof Instant at ? at : ((Timestamp) r[2]).toInstant(), (String) r[3],
                ((Number) r[4]).intValue(), (String) r[5])).toList();
    }

    private View setEnabled(String name, boolean enabled) {
        WebhookSource source = find(name);
        source.enabled = enabled;
        audit.record(enabled ? "webhook-source.enabled" : "webhook-source.disabled", "webhook-source:" + name, Map.of());
        return View.of(source);
    }

    private static WebhookSource find(String name) {
        WebhookSource source = WebhookSource.findById(name);
        if (source == null) {
            throw ProblemException.notFound("No webhook source " + name);
        }
        return source;
    }

    /** The ready-made mappings a source can start from. */
    @GET
    @Path("/presets")
    public Map<String, PayloadMapping> presets() {
        return PayloadMapping.PRESETS;
    }

    /** "Try it": the events a sample payload maps to with this source's mapping, or the exact error. Nothing is stored. */
    @RolesAllowed(ApiScopes.ADMIN)
    @POST
    @Path("/{name}/try")
    public List<ObjectNode> tryMapping(@PathParam("name") String name, JsonNode payload) {
        WebhookSource source = QuarkusTransaction.requiringNew().call(() -> WebhookSource.<WebhookSource>findById(name));
        if (source == null) {
            throw ProblemException.notFound("No webhook source " + name);
        }
        if (source.mapping == null) {
            throw ProblemException.badRequest("This source has no mapping: it takes Beckon events as they are",
                    List.of(new FieldError("mapping", "is not set")));
        }
        return receiver.map(source, payload);
    }

    @GET
    @Transactional
    public List<View> list() {
        return WebhookSource.<WebhookSource>listAll().stream().map(View::of).toList();
    }

    @RolesAllowed(ApiScopes.ADMIN)
    @POST
    @Transactional
    public Response create(NewSource request) {
        List<FieldError> errors = new ArrayList<>();
        if (request == null || request.name() == null || !NAME.matcher(request.name()).matches()) {
            errors.add(new FieldError("name", "must be lower case letters, digits, '-' or '_' (at most 64)"));
        }
        if (request == null || !WebhookSource.SCHEMES.containsKey(request.scheme())) {
            errors.add(new FieldError("scheme", "must be one of " + WebhookSource.SCHEMES.keySet()));
        }
        if (request == null || request.secrets() == null || request.secrets().isEmpty() || request.secrets().size() > 2
                || request.secrets().stream().anyMatch(s -> s == null || s.length() < 16)) {
            errors.add(new FieldError("secrets", "one or two secrets of at least 16 characters"));
        }
        if (request != null && request.preset() != null && !PayloadMapping.PRESETS.containsKey(request.preset())) {
            errors.add(new FieldError("preset", "must be one of " + PayloadMapping.PRESETS.keySet()));
        }
        if (request != null && request.preset() != null && request.mapping() != null) {
            errors.add(new FieldError("mapping", "give a preset or a mapping, not both"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("The source is not complete", errors);
        }
        if (WebhookSource.findById(request.name()) != null) {
            throw ProblemException.conflict("A webhook source named " + request.name() + " exists already");
        }
        WebhookSource source = new WebhookSource();
        source.name = request.name();
        source.scheme = request.scheme();
        source.secrets = List.copyOf(request.secrets());
        source.enabled = true;
        PayloadMapping mapping = request.preset() != null ? PayloadMapping.PRESETS.get(request.preset()) : request.mapping();
        source.mapping = mapping == null ? null : json.valueToTree(mapping);
        source.createdAt = clock.instant();
        source.persist();
        audit.record("webhook-source.created", "webhook-source:" + source.name, Map.of("scheme", source.scheme));
        return Response.created(URI.create("/api/webhook-sources/" + source.name)).entity(View.of(source)).build();
    }
}
