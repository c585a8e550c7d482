package dev.beckon.console.delivery;

import dev.beckon.console.ConsoleProblem;
import dev.beckon.console.ConsoleRoles;
import dev.beckon.delivery.MessageTemplate;
import dev.beckon.delivery.MessageTemplates;
import dev.beckon.delivery.RenderedEmail;
import dev.beckon.platform.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
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
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The emails campaigns send, edited by the people who own the campaigns: a subject, an HTML body
 * and a plain-text body per campaign, previewed on a sample offer before they are saved.
 */
@Path("/messages")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class MessagesPage {

    /** The preview of a draft, or why it does not render. */
    public record Preview(RenderedEmail email, ConsoleProblem problem) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance messages(String user, List<MessageTemplate> templates, boolean canEdit);

        static native TemplateInstance editor(String user, String campaign, MessageTemplates.Draft draft, boolean exists,
                                              boolean canEdit, Preview preview, String notice);

        static native TemplateInstance editor$preview(Preview preview);
    }

    @Inject
    MessageTemplates templates;
    @Inject
    SecurityIdentity identity;

    @GET
    public TemplateInstance list() {
        List<MessageTemplate> all = QuarkusTransaction.requiringNew()
                .call(() -> MessageTemplate.<MessageTemplate>list("order by campaign"));
        return Templates.messages(user(), all, ConsoleRoles.canEditMessages(identity));
    }

    /** The list's "new template" form names a campaign; its editor starts from the default template. */
    @GET
    @Path("/new")
    public Response newTemplate(@QueryParam("campaign") String campaign) {
        String name = campaign == null ? "" : campaign.strip();
        return Response.seeOther(URI.create("/messages/" + encode(name))).build();
    }

    @GET
    @Path("/{campaign}")
    public TemplateInstance editor(@PathParam("campaign") String campaign, @QueryParam("saved") boolean saved) {
        MessageTemplate own = QuarkusTransaction.requiringNew().call(() -> MessageTemplate.<MessageTemplate>findById(campaign));
        MessageTemplate start = own != null ? own
                : QuarkusTransaction.requiringNew().call(() -> MessageTemplate.<MessageTemplate>findById(MessageTemplate.DEFAULT));
        MessageTemplates.Draft draft = start == null ? new MessageTemplates.Draft("", "", "")
                : new MessageTemplates.Draft(start.subject, start.html, start.text);
        return Templates.editor(user(), campaign, draft, own != null, ConsoleRoles.canEditMessages(identity), null,
                saved ? "Saved. The next email of this campaign uses it." : null);
    }

    /** Renders the draft for a sample offer; answers the preview fragment. Nothing is saved, but it is part of editing. */
    @POST
    @Path("/{campaign}/preview")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance preview(@PathParam("campaign") String campaign, @FormParam("subject") String subject,
                                    @FormParam("html") String html, @FormParam("text") String text) {
        ConsoleRoles.require(ConsoleRoles.canEditMessages(identity));
        return Templates.editor$preview(preview(campaign, draft(subject, html, text)));
    }

    /**
     * The draft's HTML body for a sample offer, as a page of its own for the preview frame. An email's
     * HTML is styled inline; in the console's page (srcdoc) the console's strict policy would drop those
     * styles, so the preview would not look like the email. Here it gets a policy of its own: inline
     * styles and remote images, no script at all, a sandboxed origin, framed only by the console.
     */
    @POST
    @Path("/{campaign}/preview.html")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response previewHtml(@PathParam("campaign") String campaign, @FormParam("subject") String subject,
                                @FormParam("html") String html, @FormParam("text") String text) {
        ConsoleRoles.require(ConsoleRoles.canEditMessages(identity));
        Preview preview = preview(campaign, draft(subject, html, text));
        return Response.ok(preview.email() == null ? "" : preview.email().html())
                .header("Content-Security-Policy", EMAIL_PREVIEW_POLICY)
                .header("X-Frame-Options", "SAMEORIGIN").build();
    }

    static final String EMAIL_PREVIEW_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; "
            + "font-src https: data:; frame-ancestors 'self'; sandbox";

    @POST
    @Path("/{campaign}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("campaign") String campaign, @FormParam("subject") String subject,
                         @FormParam("html") String html, @FormParam("text") String text) {
        ConsoleRoles.require(ConsoleRoles.canEditMessages(identity));
        MessageTemplates.Draft draft = draft(subject, html, text);
        try {
            templates.save(campaign, draft);
            return Response.seeOther(URI.create("/messages/" + encode(campaign) + "?saved=true")).build();
        } catch (ProblemException e) {
            boolean exists = QuarkusTransaction.requiringNew().call(() -> MessageTemplate.findById(campaign) != null);
            return Response.status(e.status()).entity(Templates.editor(user(), campaign, draft, exists, true,
                    new Preview(null, ConsoleProblem.byField(e)), null)).build();
        }
    }

    private Preview preview(String campaign, MessageTemplates.Draft draft) {
        try {
            return new Preview(templates.preview(campaign, draft), null);
        } catch (ProblemException e) {
            return new Preview(null, ConsoleProblem.byField(e));
        }
    }

    private static MessageTemplates.Draft draft(String subject, String html, String text) {
        return new MessageTemplates.Draft(normalised(subject), normalised(html), normalised(text));
    }

    private static String normalised(String value) {
        return value == null ? null : value.replace("\r\n", "\n");
    }

    private static String encode(String campaign) {
        return java.net.URLEncoder.encode(campaign, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private String user() {
        return identity.getPrincipal().getName();
    }
}
