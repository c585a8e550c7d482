package dev.beckon.inbox;

import dev.beckon.audit.AuditLog;
import dev.beckon.platform.ListLimit;
import dev.beckon.security.ApiScopes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;

/**
 * The support inbox over HTTP: the queue, one escalation's case file, and working it. Each action
 * answers the escalation as it stands afterwards; the caller (the API key) is who did it.
 */
@RolesAllowed(ApiScopes.READ)
@Path("/api/escalations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EscalationResource {


    public record Assignment(String assignee) {
    }

    public record Note(String text) {
    }

    public record PriorityChange(String priority) {
    }

    public record Resolution(String outcome, String note) {
    }

    public record Reopening(String note) {
    }

    @Inject
    Inbox inbox;
    @Inject
    CaseFiles caseFiles;
    @Inject
    EscalationWork work;
    @Inject
    AuditLog audit;

    @GET
    public List<EscalationView> list(@BeanParam FilterQuery filter, @QueryParam("limit") @DefaultValue("100") int limit) {
        return inbox.list(filter.filter(), audit.actor(), ListLimit.checked(limit));
    }

    @GET
    @Path("/{id}")
    public CaseFile caseFile(@PathParam("id") UUID id) {
        return caseFiles.of(id);
    }

    @RolesAllowed(ApiScopes.ESCALATIONS_WRITE)
    @POST
    @Path("/{id}/claim")
    public EscalationView claim(@PathParam("id") UUID id) {
        work.claim(id);
        return inbox.one(id);
    }

    @RolesAllowed(ApiScopes.ESCALATIONS_WRITE)
    @POST
    @Path("/{id}/assign")
    public EscalationView assign(@PathParam("id") UUID id, Assignment body) {
        work.assign(id, body == null ? null : body.assignee());
        return inbox.one(id);
    }

    @RolesAllowed(ApiScopes.ESCALATIONS_WRITE)
    @POST
    @Path("/{id}/notes")
    public EscalationView note(@PathParam("id") UUID id, Note body) {
        work.note(id, body == null ? null : body.text());
        return inbox.one(id);
    }

    @RolesAllowed(ApiScopes.ESCALATIONS_WRITE)
    @POST
    @Path("/{id}/priority")
    public EscalationView priority(@PathParam("id") UUID id, PriorityChange body) {
        work.changePriority(id, body == null ? null : body.priority());
        return inbox.one(id);
    }

    @RolesAllowed(ApiScopes.ESCALATIONS_WRITE)
    @POST
    @Path("/{id}/resolve")
    public EscalationView resolve(@PathParam("id") UUID id, Resolution body) {
        work.resolve(id, body == null ? null : body.outcome(), body == null ? null : body.note());
        return inbox.one(id);
    }

    @RolesAllowed(ApiScopes.ESCALATIONS_WRITE)
    @POST
    @Path("/{id}/reopen")
    public EscalationView reopen(@PathParam("id") UUID id, Reopening body) {
        work.reopen(id, body == null ? null : body.note());
        return inbox.one(id);
    }
}
