package dev.beckon.ingest.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.beckon.security.ApiScopes;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import java.util.List;
import java.util.Map;

/** Webhook sources over HTTP. Secrets go in and are never given back. The work is {@link WebhookSources}'. */
@RolesAllowed(ApiScopes.READ)
@Path("/api/webhook-sources")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Blocking
public class WebhookSourceResource {

    /** A source as listed: secrets are counted, never shown. */
    public record View(String name, String scheme, int secrets, boolean enabled, String endpoint, JsonNode mapping) {
        static View of(WebhookSource s) {
            return new View(s.name, s.scheme, s.secrets.size(), s.enabled, "/hooks/" + s.name, s.mapping);
        }
    }

    /** New secrets (one, or two while the sender moves to the new one); the old ones stop working at once. */
    public record Secrets(List<String> secrets) {
    }

    /** A new mapping: a preset's name or a mapping of its own; neither means payloads are Beckon events as they are. */
    public record MappingChange(String preset, PayloadMapping mapping) {
    }

    @Inject
    WebhookSources sources;
    @Inject
    WebhookDeliveries deliveries;

    @GET
    public List<View> list() {
        return sources.list().stream().map(View::of).toList();
    }

    @RolesAllowed(ApiScopes.ADMIN)
    @POST
    public Response create(WebhookSources.NewSource request) {
        WebhookSource source = sources.create(request);
        return Response.created(URI.create("/api/webhook-sources/" + source.name)).entity(View.of(source)).build();
    }

    @RolesAllowed(ApiScopes.ADMIN)
    @PUT
    @Path("/{name}/secrets")
    public View rotate(@PathParam("name") String name, Secrets request) {
        return View.of(sources.replaceSecrets(name, request == null ? null : request.secrets()));
    }

    @RolesAllowed(ApiScopes.ADMIN)
    @PUT
    @Path("/{name}/mapping")
    public View changeMapping(@PathParam("name") String name, MappingChange request) {
        return View.of(sources.changeMapping(name, request == null ? null : request.preset(),
                request == null ? null : request.mapping()));
    }

    @RolesAllowed(ApiScopes.ADMIN)
    @POST
    @Path("/{name}/enable")
    public View enable(@PathParam("name") String name) {
        return View.of(sources.setEnabled(name, true));
    }

    @RolesAllowed(ApiScopes.ADMIN)
    @POST
    @Path("/{name}/disable")
    public View disable(@PathParam("name") String name) {
        return View.of(sources.setEnabled(name, false));
    }

    /** The latest verified deliveries of a source, newest first. */
    @GET
    @Path("/{name}/deliveries")
    public List<WebhookDeliveries.Delivery> deliveries(@PathParam("name") String name) {
        sources.find(name);
        return deliveries.latest(name, 200);
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
        return sources.tryMapping(name, payload);
    }
}
