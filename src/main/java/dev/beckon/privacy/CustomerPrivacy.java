package dev.beckon.privacy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.beckon.audit.AuditLog;
import dev.beckon.platform.FieldError;
import dev.beckon.platform.ProblemException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * A customer's rights over their data, for the API and the console alike: a copy of everything
 * Beckon holds about them, and erasure. Both are audited; the erasure's entry names the customer
 * only by a hash.
 */
@ApplicationScoped
public class CustomerPrivacy {

    /** What an erasure removed, per place, and the hash the customer is known by from now on. */
    public record Erased(String customerHash, Map<String, Integer> deleted) {
    }

    @Inject
    CustomerData data;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    AuditLog audit;

    @Transactional
    public ObjectNode export(String customerId) throws SQLException {
        ObjectNode export;
        try (Connection connection = dataSource.getConnection()) {
            export = data.export(connection, customerId);
        }
        audit.record("gdpr.exported", "customer:" + customerId, Map.of());
        return export;
    }

    /** Erases the customer; {@code confirm} must repeat the id, so a slip or a wrong variable in a script erases nobody. */
    @Transactional
    public Erased erase(String customerId, String confirm) throws SQLException {
        if (customerId == null || customerId.isEmpty() || !customerId.equals(confirm)) {
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
