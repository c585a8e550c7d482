package dev.beckon.rules;

import dev.beckon.platform.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
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
@Path("/api/rulesets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RuleSetResource {

    public record Summary(int version, String status, String comment, String createdBy, Instant createdAt,
                          String publishedBy, Instant publishedAt) {
        static Summary of(RuleSet r) {
            return new Summary(r.version, r.status, r.comment, r.createdBy, r.createdAt, r.publishedBy, r.publishedAt);
        }
    }

    public record Detail(int version, String status, String comment, String createdBy, Instant createdAt,
                         String publishedBy, Instant publishedAt, String drl) {
        static Detail of(RuleSet r) {
            return new Detail(r.version, r.status, r.comment, r.createdBy, r.createdAt, r.publishedBy, r.publishedAt, r.drl);
        }
    }

    public record NewVersion(String drl, String comment) {
    }

    public record PublishRequest(String comment) {
    }

    public record Validation(boolean valid, List<CompileError> errors) {
    }

    @Inject
    RuleSetService ruleSets;
    @Inject
    SecurityIdentity identity;

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

    @POST
    public Response create(NewVersion request) {
        RuleSet created = ruleSets.createDraft(request == null ? null : request.drl(),
                request == null ? null : request.comment(), identity.getPrincipal().getName());
        return Response.created(URI.create("/api/rulesets/" + created.version)).entity(Detail.of(created)).build();
    }

    @POST
    @Path("/validate")
    public Validation validate(NewVersion request) {
        List<CompileError> errors = ruleSets.check(request == null ? null : request.drl());
        return new Validation(errors.isEmpty(), errors);
    }

    @POST
    @Path("/{version}/publish")
    public Detail publish(@PathParam("version") int version, PublishRequest request) {
        return Detail.of(ruleSets.publish(version, request == null ? null : request.comment(),
                identity.getPrincipal().getName()));
    }
}
