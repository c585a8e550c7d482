package dev.beckon.console.webhooks;

import dev.beckon.console.ConsoleProblem;
import dev.beckon.console.ConsoleRoles;
import dev.beckon.delivery.WebhookEndpoints;
import dev.beckon.delivery.WebhookEndpoints.EndpointRequest;
import dev.beckon.delivery.WebhookEndpoints.View;
import dev.beckon.delivery.WebhookEndpoints.WithSecret;
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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Arrays;
import java.util.List;

/**
 * The business's own endpoints that Beckon sends decisions to, signed with a secret Beckon makes:
 * shown once, when the endpoint is added or its secret rotated, like an API key.
 */
@Path("/endpoints")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class EndpointsPage {

    /** The add form as the user left it. */
    public record Form(String name, String url, List<String> kinds, String campaigns, ConsoleProblem problem) {
        static final Form EMPTY = new Form("", "", List.of(), "", null);
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance endpoints(String user, List<View> endpoints, Form form, List<String> kinds);

        static native TemplateInstance secret(String user, View endpoint, String secret, boolean rotated);
    }

    @Inject
    WebhookEndpoints endpoints;
    @Inject
    SecurityIdentity identity;

    @GET
    public TemplateInstance list() {
        ConsoleRoles.require(ConsoleRoles.canManageWebhooks(identity));
        return page(Form.EMPTY);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@FormParam("name") String name, @FormParam("url") String url,
                           @FormParam("kinds") List<String> kinds, @FormParam("campaigns") String campaigns) {
        ConsoleRoles.require(ConsoleRoles.canManageWebhooks(identity));
        List<String> chosenKinds = kinds == null ? List.of() : kinds;
        List<String> campaignList = campaigns == null || campaigns.isBlank() ? List.of()
                : Arrays.stream(campaigns.split(",")).map(String::strip).filter(c -> !c.isEmpty()).toList();
        try {
            WithSecret created = endpoints.create(new EndpointRequest(
                    name == null ? "" : name.strip(), url == null ? "" : url.strip(), chosenKinds, campaignList));
            return Response.status(201).entity(Templates.secret(user(), created.endpoint(), created.secret(), false)).build();
        } catch (ProblemException e) {
            Form form = new Form(name, url, chosenKinds, campaigns, ConsoleProblem.of(e));
            return Response.status(e.status()).entity(page(form)).build();
        }
    }

    @POST
    @Path("/{name}/rotate-secret")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance rotate(@PathParam("name") String name) {
        ConsoleRoles.require(ConsoleRoles.canManageWebhooks(identity));
        WithSecret rotated = endpoints.rotateSecret(name);
        return Templates.secret(user(), rotated.endpoint(), rotated.secret(), true);
    }

    @POST
    @Path("/{name}/retire-old-secret")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response retireOldSecret(@PathParam("name") String name) {
        ConsoleRoles.require(ConsoleRoles.canManageWebhooks(identity));
        endpoints.retireOldSecret(name);
        return backToList();
    }

    @POST
    @Path("/{name}/enable")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response enable(@PathParam("name") String name) {
        ConsoleRoles.require(ConsoleRoles.canManageWebhooks(identity));
        endpoints.enable(name);
        return backToList();
    }

    @POST
    @Path("/{name}/disable")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response disable(@PathParam("name") String name) {
        ConsoleRoles.require(ConsoleRoles.canManageWebhooks(identity));
        endpoints.disable(name);
        return backToList();
    }

    @POST
    @Path("/{name}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("name") String name) {
        ConsoleRoles.require(ConsoleRoles.canManageWebhooks(identity));
        endpoints.delete(name);
        return backToList();
    }

    private static Response backToList() {
        return Response.seeOther(URI.create("/endpoints")).build();
    }

    private TemplateInstance page(Form form) {
        return Templates.endpoints(user(), endpoints.list(), form, List.of("offer", "followup", "escalation"));
    }

    private String user() {
        return identity.getPrincipal().getName();
    }
}
