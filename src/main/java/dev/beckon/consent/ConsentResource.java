package dev.beckon.consent;

import dev.beckon.audit.AuditLog;
import dev.beckon.platform.FieldError;
import dev.beckon.platform.ProblemException;
import dev.beckon.security.ApiScopes;
import io.agroal.api.AgroalDataSource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A customer's consent per channel, for the business's own preference centre or CRM. An opt-out
 * stops marketing deliveries on that channel ({@code all}: on every channel); decisions are still
 * made and recorded, their deliveries as suppressed with the reason.
 */
@RolesAllowed(ApiScopes.READ)
@Path("/api/customers/{id}/consent")
@Produces(MediaType.APPLICATION_JSON)
@Transactional
public class ConsentResource {

    public record Change(Boolean optedOut) {
    }

    @Inject
    ContactPoints contactPoints;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;

    @GET
    public Collection<ContactPoints.Consent> consent(@PathParam("id") String customerId) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return contactPoints.consent(connection, List.of(customerId)).getOrDefault(customerId, Map.of()).values();
        }
    }

    @RolesAllowed(ApiScopes.EVENTS_WRITE)
    @PUT
    @Path("/{channel}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ContactPoints.Consent set(@PathParam("id") String customerId, @PathParam("channel") String channel,
                                     Change change) throws SQLException {
        if (!ContactPoints.CHANNEL.matcher(channel).matches()) {
            throw ProblemException.badRequest("The channel is not valid",
                    List.of(new FieldError("channel", "lower-case letters, digits, '-' or '_', such as email, sms or all")));
        }
        if (change == null || change.optedOut() == null) {
            throw ProblemException.badRequest("Say whether the customer opted out",
                    List.of(new FieldError("optedOut", "required: true or false")));
        }
        ContactPoints.Consent consent = new ContactPoints.Consent(channel, change.optedOut(),
                "api " + audit.actor(), clock.instant());
        try (Connection connection = dataSource.getConnection()) {
            contactPoints.set(connection, customerId, consent);
        }
        audit.record(change.optedOut() ? "consent.opted-out" : "consent.opted-in", "customer:" + customerId,
                Map.of("channel", channel));
        return consent;
    }
}
