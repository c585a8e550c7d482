package dev.beckon.privacy;

import dev.beckon.platform.Sha256;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Which customers were erased, known by a hash of their id, so their events are refused from then on. */
@ApplicationScoped
public class ErasedCustomers {

    /** Of {@code customers}, those that were erased; one indexed query for a whole batch. */
    public Set<String> among(Connection connection, Collection<String> customers) throws SQLException {
        if (customers.isEmpty()) {
            return Set.of();
        }
        Map<String, String> byHash = customers.stream().distinct()
                .collect(Collectors.toMap(ErasedCustomers::hash, Function.identity()));
        Set<String> erased = new HashSet<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT customer_hash FROM erased_customers WHERE customer_hash = ANY(?)")) {
            query.setArray(1, connection.createArrayOf("text", byHash.keySet().toArray()));
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    erased.add(byHash.get(row.getString(1)));
                }
            }
        }
        return erased;
    }

    /** SHA-256 of the id, in hex. */
    public static String hash(String customerId) {
        return Sha256.hex(customerId);
    }
}
