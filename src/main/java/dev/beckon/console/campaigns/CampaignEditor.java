package dev.beckon.console.campaigns;

import dev.beckon.campaign.Campaign;
import dev.beckon.campaign.Campaigns;
import dev.beckon.campaign.OfferCodes;
import dev.beckon.catalog.EventTypeCatalog;
import dev.beckon.console.ConsoleProblem;
import dev.beckon.console.ConsoleRoles;
import dev.beckon.platform.ProblemException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The campaign page as both campaign pages render it: the form (as saved, or as the user left it
 * with the refusal beside each field), the code pool, and the live rules that decide under it.
 */
@RequestScoped
public class CampaignEditor {

    /** What became of a code import, or why codes were refused. */
    public record CodesOutcome(OfferCodes.Imported imported, ConsoleProblem problem) {
    }

    /**
     * Everything the page shows. {@code campaign} and {@code pool} are null for a new campaign;
     * {@code problem} is the form's refusal, {@code codes} the code section's.
     */
    public record View(String user, Campaign campaign, CampaignForm form, ConsoleProblem problem,
                       OfferCodes.PoolState pool, CodesOutcome codes, int liveVersion,
                       List<CampaignRules.RuleUse> rules, List<EventTypeCatalog.EventType> eventTypes, boolean canEdit,
                       boolean canEditDrl, String notice) {

        /** What the refusal says about {@code field}, to show beside it; null when nothing. */
        public String errorFor(String field) {
            if (problem == null) {
                return null;
            }
            String messages = problem.items().stream().filter(i -> field.equals(i.field()))
                    .map(ConsoleProblem.Item::message).collect(Collectors.joining("; "));
            return messages.isEmpty() ? null : messages;
        }

        public boolean isNew() {
            return campaign == null;
        }
    }

    @CheckedTemplate(basePath = "CampaignsPage")
    static class Templates {
        static native TemplateInstance editor(View view);
    }

    @Inject
    Campaigns campaigns;
    @Inject
    OfferCodes codes;
    @Inject
    CampaignRules rules;
    @Inject
    EventTypeCatalog catalog;
    @Inject
    SecurityIdentity identity;

    /** The page of a saved campaign, its form filled from what is saved. */
    TemplateInstance saved(String name, String notice, CodesOutcome codesOutcome) {
        Campaign campaign = find(name);
        return page(campaign, CampaignForm.of(campaign), null, codesOutcome, notice);
    }

    /** The page with the form as the user left it and why it was refused, answered with the refusal's status. */
    Response refused(String name, CampaignForm form, ProblemException e) {
        Campaign campaign = name == null ? null : find(name);
        return Response.status(e.status()).entity(page(campaign, form, ConsoleProblem.of(e), null, null)).build();
    }

    /** A blank form for a new campaign. */
    TemplateInstance blank() {
        return page(null, CampaignForm.empty(), null, null, null);
    }

    boolean canEdit() {
        return ConsoleRoles.canEditCampaigns(identity);
    }

    private TemplateInstance page(Campaign campaign, CampaignForm form, ConsoleProblem problem, CodesOutcome codesOutcome,
                                  String notice) {
        OfferCodes.PoolState pool = campaign == null ? null : codes.state(campaign.name);
        List<CampaignRules.RuleUse> uses = campaign == null ? List.of() : rules.decidingUnder(campaign.name);
        return Templates.editor(new View(identity.getPrincipal().getName(), campaign, form, problem, pool, codesOutcome,
                rules.liveVersion(), uses, catalog.knownTypes(), canEdit(), ConsoleRoles.canEditDrl(identity), notice));
    }

    private Campaign find(String name) {
        return campaigns.get(name);
    }
}
