package dev.beckon.console.campaigns;

import dev.beckon.campaign.Campaign;
import dev.beckon.campaign.CampaignNames;
import dev.beckon.campaign.Campaigns;
import dev.beckon.campaign.OfferCodes;
import dev.beckon.console.ConsoleRoles;
import dev.beckon.platform.ProblemException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Campaigns for the people who run them: the list with each one's state and code pool, and a
 * page per campaign to set it up in plain fields, start, pause or end it. Everyone who reads the
 * console sees them; those who may change rules may change campaigns.
 */
@Path("/campaigns")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class CampaignsPage {

    /** One campaign in the list, with its pool's counts and how many live rules decide under it. */
    public record Row(Campaign campaign, OfferCodes.Counts codes, String codeSource, int rules) {

        public boolean usesPool() {
            return "pool".equals(codeSource);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance campaigns(String user, List<Row> rows, boolean canEdit);
    }

    /** What the page says after a change, by the {@code saved} parameter of the redirect. */
    private static final Map<String, String> NOTICES = Map.of("created", "Campaign created as a draft: start it when it is ready.",
            "true", "Saved.", "running", "The campaign is running.", "paused", "The campaign is paused.",
            "ended", "The campaign has ended.");

    @Inject
    Campaigns campaigns;
    @Inject
    OfferCodes codes;
    @Inject
    CampaignRules rules;
    @Inject
    CampaignEditor editor;
    @Inject
    SecurityIdentity identity;

    @GET
    public TemplateInstance list() {
        List<Campaign> all = campaigns.list();
        Map<String, OfferCodes.Counts> counts = codes.allCounts();
        Map<String, List<CampaignRules.RuleUse>> uses = rules.byCampaign();
        List<Row> rows = all.stream().map(c -> new Row(c, counts.getOrDefault(c.name, OfferCodes.Counts.NONE),
                c.settings().codeSource(), uses.getOrDefault(c.name, List.of()).size())).toList();
        return Templates.campaigns(identity.getPrincipal().getName(), rows, editor.canEdit());
    }

    @GET
    @Path("/new")
    public TemplateInstance newCampaign() {
        ConsoleRoles.require(editor.canEdit());
        return editor.blank();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> fields) {
        ConsoleRoles.require(editor.canEdit());
        CampaignForm form = CampaignForm.of(fields);
        try {
            Campaign created = campaigns.create(form.toDraft(null));
            return Response.seeOther(URI.create("/campaigns/" + created.name + "?saved=created")).build();
        } catch (ProblemException e) {
            return editor.refused(null, form, e);
        }
    }

    @GET
    @Path("/{name}")
    public TemplateInstance show(@PathParam("name") String name, @QueryParam("saved") String saved,
                                 @QueryParam("generated") Integer generated) {
        String notice = generated != null ? generated + " codes added to the pool." : NOTICES.get(saved == null ? "" : saved);
        return editor.saved(name, notice, null);
    }

    @POST
    @Path("/{name}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("name") String name, MultivaluedMap<String, String> fields) {
        ConsoleRoles.require(editor.canEdit());
        CampaignForm form = CampaignForm.of(fields);
        try {
            String status = campaigns.get(name).status;
            campaigns.update(name, form.toDraft(status));
            return backTo(name, "saved=true");
        } catch (ProblemException e) {
            return editor.refused(name, form, e);
        }
    }

    @POST
    @Path("/{name}/start")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response start(@PathParam("name") String name) {
        return moveTo(name, "running");
    }

    @POST
    @Path("/{name}/pause")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response pause(@PathParam("name") String name) {
        return moveTo(name, "paused");
    }

    @POST
    @Path("/{name}/end")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response end(@PathParam("name") String name) {
        return moveTo(name, "ended");
    }

    private Response moveTo(String name, String status) {
        ConsoleRoles.require(editor.canEdit());
        try {
            campaigns.setStatus(name, status);
            return backTo(name, "saved=" + status);
        } catch (ProblemException e) {
            return editor.refused(name, CampaignForm.of(campaigns.get(name)), e);
        }
    }

    static Response backTo(String name, String query) {
        if (!CampaignNames.isValid(name)) {
            throw ProblemException.notFound("No campaign " + name);
        }
        return Response.seeOther(URI.create("/campaigns/" + name + "?" + query)).build();
    }
}
