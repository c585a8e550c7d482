package dev.beckon.delivery;

import dev.beckon.platform.ProblemException;
import dev.beckon.security.ApiScopes;
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
import java.time.Instant;
import java.util.List;

/** Message templates per campaign ({@code *} is the default), as the console edits them. */
@RolesAllowed(ApiScopes.READ)
@Path("/api/message-templates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MessageTemplateResource {

    public record View(String campaign, String subject, String html, String text, String updatedBy, Instant updatedAt) {
        static View of(MessageTemplate t) {
            return new View(t.campaign, t.subject, t.html, t.text, t.updatedBy, t.updatedAt);
        }
    }

    @Inject
    MessageTemplates templates;

    @GET
    @Transactional
    public List<View> list() {
        return MessageTemplate.<MessageTemplate>listAll().stream().map(View::of).toList();
    }

    @GET
    @Path("/{campaign}")
    @Transactional
    public View get(@PathParam("campaign") String campaign) {
        MessageTemplate template = MessageTemplate.findById(campaign);
        if (template == null) {
            throw ProblemException.notFound("No message template for " + campaign);
        }
        return View.of(template);
    }

    @RolesAllowed(ApiScopes.RULES_WRITE)
    @PUT
    @Path("/{campaign}")
    public View save(@PathParam("campaign") String campaign, MessageTemplates.Draft draft) {
        return View.of(templates.save(campaign, draft));
    }

    /** What a sample offer would look like with this draft; nothing is saved. */
    @RolesAllowed(ApiScopes.RULES_WRITE)
    @POST
    @Path("/{campaign}/preview")
    public RenderedEmail preview(@PathParam("campaign") String campaign, MessageTemplates.Draft draft) {
        return templates.preview(campaign, draft);
    }
}
