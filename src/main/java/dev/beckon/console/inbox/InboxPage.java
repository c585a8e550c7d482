package dev.beckon.console.inbox;

import dev.beckon.console.ConsoleProblem;
import dev.beckon.console.ConsoleRoles;
import dev.beckon.inbox.Assignees;
import dev.beckon.inbox.CaseFile;
import dev.beckon.inbox.CaseFiles;
import dev.beckon.inbox.EscalationView;
import dev.beckon.inbox.EscalationWork;
import dev.beckon.inbox.FilterQuery;
import dev.beckon.inbox.Inbox;
import dev.beckon.inbox.Outcome;
import dev.beckon.inbox.Priority;
import dev.beckon.platform.ProblemException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
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
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The support inbox: the queue of escalations, refreshed in place every few seconds so new ones
 * appear without a reload, and one escalation's case file with the actions that work it. Only
 * those who may work escalations (support, admin) see it; every action posts a form and redirects.
 */
@Path("/inbox")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class InboxPage {

    static final int SHOWN = 200;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance inbox(String user, Inbox.Filter filter, List<String> queues,
                                             List<String> assignees, List<Priority> priorities,
                                             List<EscalationView> escalations);

        static native TemplateInstance inbox$rows(Inbox.Filter filter, List<EscalationView> escalations);

        static native TemplateInstance escalation(String user, CaseFile file, List<String> assignees,
                                                  List<Priority> priorities, List<Outcome> outcomes,
                                                  ConsoleProblem problem);
    }

    @Inject
    Inbox inbox;
    @Inject
    CaseFiles caseFiles;
    @Inject
    EscalationWork work;
    @Inject
    Assignees assignees;
    @Inject
    SecurityIdentity identity;

    @GET
    public TemplateInstance queue(@BeanParam FilterQuery params) {
        ConsoleRoles.require(ConsoleRoles.canWorkEscalations(identity));
        Inbox.Filter filter = params.filter();
        return Templates.inbox(user(), filter, inbox.queues(), assignees.all(), List.of(Priority.values()),
                inbox.list(filter, user(), SHOWN));
    }

    /** The queue's rows alone, which the page fetches every few seconds. */
    @GET
    @Path("/rows")
    public TemplateInstance rows(@BeanParam FilterQuery params) {
        ConsoleRoles.require(ConsoleRoles.canWorkEscalations(identity));
        Inbox.Filter filter = params.filter();
        return Templates.inbox$rows(filter, inbox.list(filter, user(), SHOWN));
    }

    @GET
    @Path("/{id}")
    public TemplateInstance escalation(@PathParam("id") UUID id) {
        ConsoleRoles.require(ConsoleRoles.canWorkEscalations(identity));
        return page(id, null);
    }

    @POST
    @Path("/{id}/claim")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response claim(@PathParam("id") UUID id) {
        return act(id, work::claim);
    }

    @POST
    @Path("/{id}/assign")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response assign(@PathParam("id") UUID id, @FormParam("assignee") String assignee) {
        return act(id, escalation -> work.assign(escalation, assignee));
    }

    @POST
    @Path("/{id}/notes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response note(@PathParam("id") UUID id, @FormParam("text") String text) {
        return act(id, escalation -> work.note(escalation, text));
    }

    @POST
    @Path("/{id}/priority")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response priority(@PathParam("id") UUID id, @FormParam("priority") String priority) {
        return act(id, escalation -> work.changePriority(escalation, priority));
    }

    @POST
    @Path("/{id}/resolve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resolve(@PathParam("id") UUID id, @FormParam("outcome") String outcome, @FormParam("note") String note) {
        return act(id, escalation -> work.resolve(escalation, outcome, note));
    }

    @POST
    @Path("/{id}/reopen")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reopen(@PathParam("id") UUID id, @FormParam("note") String note) {
        return act(id, escalation -> work.reopen(escalation, note));
    }

    /** Does the action and goes back to the escalation; a refusal is shown on its page with the reason. */
    private Response act(UUID id, Consumer<UUID> action) {
        ConsoleRoles.require(ConsoleRoles.canWorkEscalations(identity));
        try {
            action.accept(id);
            return Response.seeOther(URI.create("/inbox/" + id)).build();
        } catch (ProblemException e) {
            if (e.status() == 404) {
                throw e;
            }
            return Response.status(e.status()).entity(page(id, ConsoleProblem.of(e))).build();
        }
    }

    private TemplateInstance page(UUID id, ConsoleProblem problem) {
        return Templates.escalation(user(), caseFiles.of(id), assignees.all(), List.of(Priority.values()),
                List.of(Outcome.values()), problem);
    }

    private String user() {
        return identity.getPrincipal().getName();
    }
}
