package dev.beckon.console.rules;

import dev.beckon.console.ConsoleProblem;
import dev.beckon.console.ConsoleRoles;
import dev.beckon.platform.ProblemException;
import dev.beckon.rules.ActiveRules;
import dev.beckon.rules.RuleOverview;
import dev.beckon.rules.RuleSet;
import dev.beckon.rules.RuleSetDiff;
import dev.beckon.rules.RuleSetService;
import dev.beckon.security.SecurityConfig;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * One rule set version: its rules and text, publishing it (or rolling back to it), and what
 * changed against another version. Trying it out is on {@link RuleTestPage}.
 */
@Path("/rules/versions")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class RuleVersionPage {

    /** The publish form as the user left it, and why it was refused. */
    public record PublishForm(String comment, ConsoleProblem problem) {
        static final PublishForm EMPTY = new PublishForm("", null);
    }

    /** The backtest form's default period: the last 7 days, as dates (UTC). */
    public record Period(LocalDate from, LocalDate to) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance version(String user, ConsoleRoles.Can can, RuleSet version, int live,
                                               List<RuleOverview.RuleView> rules, List<TextLines.Line> lines,
                                               boolean mayPublish, PublishForm publish, Period period,
                                               String exampleEvent);

        static native TemplateInstance diff(String user, int from, int to, List<RuleSetDiff.RuleChange> changes,
                                            List<TextLines.DiffLine> lines);
    }

    static final String EXAMPLE_EVENT = """
            {
              "id": "try-1",
              "type": "cart.updated",
              "customerId": "customer-1",
              "data": {"total": 150, "currency": "EUR"}
            }""";

    @Inject
    RuleSetService ruleSets;
    @Inject
    RuleOverview overview;
    @Inject
    ActiveRules active;
    @Inject
    SecurityIdentity identity;
    @Inject
    Clock clock;
    @Inject
    SecurityConfig security;

    @GET
    @Path("/{version}")
    public TemplateInstance version(@PathParam("version") int version) {
        return page(find(version), PublishForm.EMPTY);
    }

    /** Publishes the version; publishing an archived one is a rollback. A refusal is shown on the page, with every reason. */
    @POST
    @Path("/{version}/publish")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response publish(@PathParam("version") int version, @FormParam("comment") String comment) {
        ConsoleRoles.require(ConsoleRoles.canPublish(identity));
        RuleSet target = find(version);
        try {
            ruleSets.publish(version, comment, identity.getPrincipal().getName());
        } catch (ProblemException e) {
            return Response.status(e.status())
                    .entity(page(target, new PublishForm(comment == null ? "" : comment, ConsoleProblem.of(e)))).build();
        }
        return Response.seeOther(URI.create("/rules/versions/" + version)).build();
    }

    @GET
    @Path("/{from}/diff/{to}")
    public TemplateInstance diff(@PathParam("from") int from, @PathParam("to") int to) {
        find(from);
        find(to);
        RuleSetDiff.Result diff = overview.diff(from, to);
        return Templates.diff(identity.getPrincipal().getName(), from, to, diff.rules(), TextLines.diff(diff.unifiedDiff()));
    }

    private TemplateInstance page(RuleSet version, PublishForm publish) {
        boolean ownDraftUnderFourEyes = security.fourEyesPublishing() && RuleSet.DRAFT.equals(version.status)
                && identity.getPrincipal().getName().equals(version.createdBy);
        boolean mayPublish = ConsoleRoles.canPublish(identity) && !RuleSet.PUBLISHED.equals(version.status)
                && !ownDraftUnderFourEyes;
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return Templates.version(identity.getPrincipal().getName(), ConsoleRoles.of(identity), version, active.version(),
                overview.rulesOf(version.version), TextLines.numbered(version.drl), mayPublish, publish,
                new Period(today.minusDays(7), today), EXAMPLE_EVENT);
    }

    private RuleSet find(int version) {
        return ruleSets.find(version).orElseThrow(() -> new NotFoundException("No rule set version " + version));
    }
}
