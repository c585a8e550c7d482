package dev.beckon.privacy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.beckon.audit.AuditLog;
import dev.beckon.platform.FieldError;
import dev.beckon.platform.ProblemException;
import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * A customer's rights over their data: a copy of everything Beckon holds about them, and
 * erasure. Both are audited; the erasure's audit entry names the customer only by a hash.
 */
@Path("/api/customers/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class PrivacyResource {

    /** Erasure asks for the id again, so a slip of the mouse or a wrong variable in a script erases nobody. */
    public record Erasure(String confirm) {
    }

    public record Erased(String customerHash, Map<String, Integer> deleted) {
    }

    @Inject
    CustomerData data;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    AuditLog audit;

    @GET
    @Path("/export")
    @Transactional
    public ObjectNode export(@PathParam("id") String customerId) throws SQLException {
        ObjectNode export;
        try (Connection connection = dataSource.getConnection()) {
            export = data.export(connection, customerId);
        }
        audit.record("gdpr.exported", "customer:" + customerId, Map.of());
        return export;
    }

    @POST
    @Path("/erase")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Erased erase(@PathParam("id") String customerId, Erasure erasure) throws SQLException {
        if (erasure == null || !customerId.equals(erasure.confirm())) {
            throw ProblemException.badRequest("Confirm the erasure with the customer's id",
                    List.of(new FieldError("confirm", "must repeat the customer id exactly")));
        }
        Map<String, Integer> deleted;
        try (Connection connection = dataSource.getConnection()) {
            deleted = data.erase(connection, customerId, audit.actor());
        }
        String hash = ErasedCustomers.hash(customerId);
        audit.record("gdpr.erased", "customer-hash:" + hash, Map.of("deleted", deleted));
        return new Erased(hash, deleted);
    }
}
