package dev.beckon.policy;

import dev.beckon.campaign.FrequencyCap;
import dev.beckon.security.ApiScopes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;

/** The messaging policy over HTTP: read with {@code read}, changed with {@code rules:write}. */
@RolesAllowed(ApiScopes.READ)
@Path("/api/policy")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MessagingPolicyResource {

    public record View(List<FrequencyCap> caps, String quietStart, String quietEnd, String defaultTimeZone,
                       String updatedBy, Instant updatedAt) {
        static View of(MessagingPolicy p) {
            return new View(p.caps(), p.quietStart == null ? null : p.quietStart.toString(),
                    p.quietEnd == null ? null : p.quietEnd.toString(), p.defaultTimeZone, p.updatedBy, p.updatedAt);
        }
    }

    @Inject
    MessagingPolicies policies;

    @GET
    public View get() {
        return View.of(policies.current());
    }

    @RolesAllowed(ApiScopes.RULES_WRITE)
    @PUT
    public View update(MessagingPolicies.Draft draft) {
        return View.of(policies.update(draft));
    }
}
