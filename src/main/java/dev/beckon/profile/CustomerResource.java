package dev.beckon.profile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.beckon.decision.Decision;
import dev.beckon.decision.Escalation;
import dev.beckon.decision.FollowUp;
import dev.beckon.event.StoredEvent;
import dev.beckon.platform.ListLimit;
import dev.beckon.platform.ProblemException;
import dev.beckon.security.ApiScopes;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads back what Beckon holds about a customer: profile, events and decisions, newest first. */
@RolesAllowed(ApiScopes.READ)
@Path("/api/customers/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Transactional
public class CustomerResource {


    public record EventView(String id, String type, Instant occurredAt, Instant receivedAt, String source,
                            String correlationId, String channel, JsonNode data) {
    }

    /** A decision with, for follow-ups and escalations, where it stands now. */
    public record DecisionView(UUID id, String kind, String rule, int ruleSetVersion, String campaign, String eventId,
                               Instant decidedAt, JsonNode details, String status) {
    }

    @GET
    public CustomerProfile profile(@PathParam("id") String id) {
        CustomerProfile profile = CustomerProfile.findById(id);
        if (profile == null) {
            throw ProblemException.notFound("No customer " + id);
        }
        return profile;
    }

    @GET
    @Path("/events")
    public List<EventView> events(@PathParam("id") String id, @QueryParam("limit") @DefaultValue("100") int limit) {
        return StoredEvent.<StoredEvent>find("customerId", Sort.descending("receivedAt", "id"), id)
                .page(Page.ofSize(ListLimit.checked(limit))).list().stream()
                .map(e -> new EventView(e.id, e.type, e.occurredAt, e.receivedAt, e.source, e.correlationId, e.channel, e.data))
                .toList();
    }

    @GET
    @Path("/decisions")
    public List<DecisionView> decisions(@PathParam("id") String id, @QueryParam("limit") @DefaultValue("100") int limit) {
        List<Decision> decisions = Decision.<Decision>find("customerId", Sort.descending("decidedAt", "id"), id)
                .page(Page.ofSize(ListLimit.checked(limit))).list();
        Map<UUID, String> followUps = FollowUp.<FollowUp>list("customerId", id).stream()
                .collect(Collectors.toMap(f -> f.decisionId, f -> f.status));
        Map<UUID, String> escalations = Escalation.<Escalation>list("customerId", id).stream()
                .collect(Collectors.toMap(e -> e.decisionId, e -> e.status));
        Function<Decision, String> status = d -> followUps.getOrDefault(d.id, escalations.get(d.id));
        return decisions.stream()
                .map(d -> new DecisionView(d.id, d.kind, d.ruleName, d.ruleSetVersion, d.campaign, d.eventId,
                        d.decidedAt, d.details, status.apply(d)))
                .toList();
    }
}
