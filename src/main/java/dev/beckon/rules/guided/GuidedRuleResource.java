package dev.beckon.rules.guided;

import dev.beckon.rules.ActiveRules;
import dev.beckon.rules.RuleSet;
import dev.beckon.security.ApiScopes;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** Guided rules over HTTP: preview the DRL a definition generates, save one as a new draft, remove one. */
@RolesAllowed(ApiScopes.READ)
@Path("/api/guided-rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Blocking
public class GuidedRuleResource {

    /** A guided rule with the DRL it generates. */
    public record View(GuidedRule rule, String drl) {
    }

    /** Save {@code rule} on top of {@code baseVersion} (default: the live version). */
    public record SaveRequest(Integer baseVersion, GuidedRule rule) {
    }

    @Inject
    GuidedRuleService guided;
    @Inject
    ActiveRules active;
    @Inject
    SecurityIdentity identity;

    @GET
    public List<View> of(@QueryParam("version") Integer version) {
        return guided.rulesOf(version == null ? active.version() : version).stream()
                .map(rule -> new View(rule, DrlGenerator.drl(rule))).toList();
    }

    @RolesAllowed(ApiScopes.RULES_WRITE)
    @POST
    @Path("/preview")
    public Map<String, String> preview(GuidedRule rule) {
        return Map.of("drl", guided.preview(rule));
    }

    @RolesAllowed(ApiScopes.RULES_WRITE)
    @POST
    public Response save(SaveRequest request) {
        RuleSet draft = guided.save(request == null ? null : request.baseVersion(), request == null ? null : request.rule(),
                identity.getPrincipal().getName());
        return Response.created(URI.create("/api/rulesets/" + draft.version))
                .entity(Map.of("version", draft.version, "status", draft.status)).build();
    }

    @RolesAllowed(ApiScopes.RULES_WRITE)
    @DELETE
    @Path("/{name}")
    public Response remove(@PathParam("name") String name, @QueryParam("baseVersion") Integer baseVersion) {
        RuleSet draft = guided.remove(baseVersion == null ? active.version() : baseVersion, name, identity.getPrincipal().getName());
        return Response.created(URI.create("/api/rulesets/" + draft.version))
                .entity(Map.of("version", draft.version, "status", draft.status)).build();
    }
}
