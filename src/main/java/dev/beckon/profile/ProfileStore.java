package dev.beckon.profile;

import static dev.beckon.platform.SqlTimes.instant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Loads the profiles a batch touches (locking them) and writes them back in one statement. */
@ApplicationScoped
public class ProfileStore {

    private static final TypeReference<Map<String, Long>> COUNTS = new TypeReference<>() { };
    private static final TypeReference<Set<String>> COUNTRIES = new TypeReference<>() { };

    /**
     * Row locks cannot cover a customer who has no row yet, so customers are serialised with
     * transaction-scoped advisory locks, taken in one sorted order so two batches cannot deadlock.
     */
    private static final String SERIALISE = """
            SELECT count(pg_advisory_xact_lock(k))
            FROM (SELECT DISTINCT hashtextextended(id, 7315) AS k FROM unnest(?::text[]) AS id ORDER BY k) AS keys
            """;

    private static final String LOCK = """
            SELECT customer_id, first_seen_at, last_seen_at, event_count, event_counts, lifetime_spend,
                   order_count, open_cart_value, currency, payment_count, payment_total, countries
            FROM customer_profiles WHERE customer_id = ANY(?) ORDER BY customer_id FOR UPDATE
            """;

    private static final String UPSERT = """
            INSERT INTO customer_profiles (customer_id, first_seen_at, last_seen_at, event_count, event_counts,
                lifetime_spend, order_count, open_cart_value, currency, payment_count, payment_total, countries, updated_at)
            VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)
            ON CONFLICT (customer_id) DO UPDATE SET
                first_seen_at = EXCLUDED.first_seen_at, last_seen_at = EXCLUDED.last_seen_at,
                event_count = EXCLUDED.event_count, event_counts = EXCLUDED.event_counts,
                lifetime_spend = EXCLUDED.lifetime_spend, order_count = EXCLUDED.order_count,
                open_cart_value = EXCLUDED.open_cart_value, currency = EXCLUDED.currency,
                payment_count = EXCLUDED.payment_count, payment_total = EXCLUDED.payment_total,
                countries = EXCLUDED.countries, updated_at = EXCLUDED.updated_at
            """;

    @Inject
    ObjectMapper json;

    /** The stored profiles of these customers, locked until the transaction ends (new ones too); absent ones are new. */
    public Map<String, ProfileState> lock(Connection connection, Collection<String> customerIds) throws SQLException {
        Map<String, ProfileState> profiles = new HashMap<>();
        if (customerIds.isEmpty()) {
            return profiles;
        }
        try (PreparedStatement serialise = connection.prepareStatement(SERIALISE)) {
            serialise.setArray(1, connection.createArrayOf("text", customerIds.toArray()));
            serialise.executeQuery().close();
        }
        try (PreparedStatement statement = connection.prepareStatement(LOCK)) {
            statement.setArray(1, connection.createArrayOf("text", customerIds.toArray()));
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    ProfileState state = new ProfileState(row.getString(1), instant(row.getTimestamp(2)),
                            instant(row.getTimestamp(3)), row.getLong(4), read(row.getString(5), COUNTS),
                            row.getBigDecimal(6), row.getInt(7), row.getBigDecimal(8), row.getString(9),
                            row.getInt(10), row.getBigDecimal(11), read(row.getString(12), COUNTRIES));
                    profiles.put(state.customerId, state);
                }
            }
        }
        return profiles;
    }

    public void upsert(Connection connection, List<ProfileState> profiles, Instant now) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(UPSERT)) {
            for (ProfileState p : profiles) {
                statement.setString(1, p.customerId);
                statement.setTimestamp(2, Timestamp.from(p.firstSeenAt));
                statement.setTimestamp(3, Timestamp.from(p.lastSeenAt));
                statement.setLong(4, p.eventCount);
                statement.setString(5, write(p.eventCounts));
                statement.setBigDecimal(6, p.lifetimeSpend);
                statement.setInt(7, p.orderCount);
                statement.setBigDecimal(8, p.openCartValue);
                statement.setString(9, p.currency);
                statement.setInt(10, p.paymentCount);
                statement.setBigDecimal(11, p.paymentTotal);
                statement.setString(12, write(p.countries));
                statement.setTimestamp(13, Timestamp.from(now));
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("customer_profiles holds JSON that does not parse", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
