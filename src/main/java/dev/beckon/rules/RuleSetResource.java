package dev.beckon.rules;

import dev.beckon.platform.ProblemException;
import dev.beckon.rules.scenario.Scenario;
import dev.beckon.rules.scenario.ScenarioResult;
import dev.beckon.rules.scenario.ScenarioService;
import dev.beckon.rules.simulation.DryRun;
import dev.beckon.rules.simulation.TryRequest;
import dev.beckon.rules.simulation.TryResult;
import dev.beckon.security.ApiScopes;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/** Rule set versions over HTTP, so rules can be managed from CI. */
@RolesAllowed(ApiScopes.READ)
@Path("/api/rulesets")
@Blocking
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RuleSetResource {

    public record Summary(int version, String status, String comment, String createdBy, Instant createdAt,
                          String publishedBy, Instant publishedAt, String publishComment) {
        static Summary of(RuleSet r) {
            return new Summary(r.version, r.status, r.comment, r.createdBy, r.createdAt, r.publishedBy, r.publishedAt,
                    r.publishComment);
        }
    }

    public record Detail(int version, String status, String comment, String createdBy, Instant createdAt,
                         String publishedBy, Instant publishedAt, String publishComment, String drl) {
        static Detail of(RuleSet r) {
            return new Detail(r.version, r.status, r.comment, r.createdBy, r.createdAt, r.publishedBy, r.publishedAt,
                    r.publishComment, r.drl);
        }
    }

    /** Rule text for a new draft; guided rules of {@code basedOn} (default: live) whose blocks are intact carry over. */
    public record NewVersion(String drl, String comment, Integer basedOn) {
    }

    public record PublishRequest(String comment) {
    }

    public record Validation(boolean valid, List<CompileError> errors) {
    }

    @Inject
    RuleSetService ruleSets;
    @Inject
    SecurityIdentity identity;
    @Inject
    DryRun dryRun;
    @Inject
    ScenarioService scenarios;
    @Inject
    RuleOverview overview;


    @GET
    public List<Summary> list() {
        return ruleSets.list().stream().map(Summary::of).toList();
    }

    @GET
    @Path("/{version}")
    public Detail get(@PathParam("version") int version) {
        return ruleSets.find(version).map(Detail::of)
                .orElseThrow(() -> ProblemException.notFound("No rule set version " + version));
    }

    @RolesAllowed(ApiScopes.RULES_WRITE)
    @POST
    public Response create(NewVersion request) {
        RuleSet created = ruleSets.createDraft(request == null ? null : request.drl(),
                request == null ? null : request.comment(), identity.getPrincipal().getName(),
                request == null ? null : request.basedOn());
        return Response.created(URI.create("/api/rulesets/" + created.version)).entity(Detail.of(created)).build();
    }

    @RolesAllowed(ApiScopes.RULES_WRITE)
    @POST
    @Path("/validate")
    public Validation validate(NewVersion request) {
        List<CompileError> errors = ruleSets.check(request == null ? null : request.drl());
        return new Validation(errors.isEmpty(), errors);
    }

    /** What this version would do with one event; nothing is stored or sent. */
    @RolesAllowed(ApiScopes.RULES_WRITE)
    @POST
    @Path("/{version}/try")
    public TryResult tryOn(@PathParam("version") int version, TryRequest request) {
        return dryRun.run(version, request);
    }

    /** The rules inside a version: trigger, decisions, enabled, and how often each fired lately. */
    @GET
    @Path("/{version}/rules")
    public List<RuleOverview.RuleView> rules(@PathParam("version") int version) {
        return overview.rulesOf(version);
    }

    @GET
    @Path("/{from}/diff/{to}")
    public RuleSetDiff.Result diff(@PathParam("from") int from, @PathParam("to") int to) {
        return overview.diff(from, to);
    }

    /** Runs every stored scenario against a version. */
    @RolesAllowed(ApiScopes.RULES_WRITE)
    @POST
    @Path("/{version}/scenarios/run")
    public List<ScenarioResult> runScenarios(@PathParam("version") int version) {
        return scenarios.runAll(version);
    }

    /** Runs one scenario, stored or not, against a version: for trying a scenario while writing it. */
    @RolesAllowed(ApiScopes.RULES_WRITE)
    @POST
    @Path("/{version}/scenarios/try")
    public ScenarioResult tryScenario(@PathParam("version") int version, Scenario scenario) {
        return scenarios.run(version, scenario);
    }

    @RolesAllowed(ApiScopes.RULES_PUBLISH)
    @POST
    @Path("/{version}/publish")
    public Detail publish(@PathParam("version") int version, PublishRequest request) {
        return Detail.of(ruleSets.publish(version, request == null ? null : request.comment(),
                identity.getPrincipal().getName()));
    }
}
