package dev.beckon.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.beckon.profile.ProfileStore;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything Beckon holds about one customer, in one list, so that export and erasure can never
 * disagree about what "everything" is: a new table with customer data is added here, once, and
 * is then both exported and erased. Rows are exported whole (row_to_json), so new columns are
 * exported without anyone remembering to.
 */
@ApplicationScoped
public class CustomerData {

    /** One place data about a customer is kept: how to select its rows, and how to delete them. */
    record Holding(String name, String rows, String delete) {
    }

    /** Deliveries and their attempts hang off the customer's decisions. */
    private static final String DECISIONS = "SELECT id FROM decisions WHERE customer_id = ?";
    /** Raw messages that could not be processed: matched by the quoted id anywhere in them. */
    private static final String DEAD_LETTERS = "position(('\"' || ? || '\"') in payload) > 0";

    /** Senders' raw webhook bodies (kept for a while for debugging): matched by the quoted id, like dead letters. */
    private static final String WEBHOOK_PAYLOADS =
            "payload IS NOT NULL AND position(convert_to('\"' || ? || '\"', 'UTF8') in payload) > 0";

    /** In deletion order: rows that refer to others first. */
    static final List<Holding> HOLDINGS = List.of(
            new Holding("deliveryAttempts",
                    "SELECT a.* FROM delivery_attempts a JOIN deliveries d ON d.id = a.delivery_id WHERE d.decision_id IN (" + DECISIONS + ") ORDER BY a.delivery_id, a.attempt",
                    "DELETE FROM delivery_attempts WHERE delivery_id IN (SELECT id FROM deliveries WHERE decision_id IN (" + DECISIONS + "))"),
            new Holding("deliveries",
                    "SELECT * FROM deliveries WHERE decision_id IN (" + DECISIONS + ") ORDER BY id",
                    "DELETE FROM deliveries WHERE decision_id IN (" + DECISIONS + ")"),
            new Holding("outbox",
                    "SELECT * FROM outbox WHERE decision_id IN (" + DECISIONS + ") ORDER BY id",
                    "DELETE FROM outbox WHERE decision_id IN (" + DECISIONS + ")"),
            new Holding("followUps",
                    "SELECT * FROM follow_ups WHERE customer_id = ? ORDER BY due_at",
                    "DELETE FROM follow_ups WHERE customer_id = ?"),
            new Holding("escalationHistory",
                    "SELECT h.* FROM escalation_history h JOIN escalations e ON e.decision_id = h.escalation_id WHERE e.customer_id = ? ORDER BY h.escalation_id, h.at",
                    "DELETE FROM escalation_history WHERE escalation_id IN (SELECT decision_id FROM escalations WHERE customer_id = ?)"),
            new Holding("escalations",
                    "SELECT * FROM escalations WHERE customer_id = ? ORDER BY opened_at",
                    "DELETE FROM escalations WHERE customer_id = ?"),
            new Holding("verdicts",
                    "SELECT * FROM decision_verdicts WHERE customer_id = ? ORDER BY decided_at",
                    "DELETE FROM decision_verdicts WHERE customer_id = ?"),
            // A code the customer was given stays taken (it may still be redeemed), but no longer names them.
            new Holding("offerCodes",
                    "SELECT campaign, code, claimed_at FROM offer_codes WHERE customer_id = ? ORDER BY claimed_at",
                    "UPDATE offer_codes SET customer_id = NULL WHERE customer_id = ?"),
            new Holding("decisions",
                    "SELECT * FROM decisions WHERE customer_id = ? ORDER BY decided_at",
                    "DELETE FROM decisions WHERE customer_id = ?"),
            new Holding("events",
                    "SELECT * FROM events WHERE customer_id = ? ORDER BY received_at, id",
                    "DELETE FROM events WHERE customer_id = ?"),
            new Holding("segments",
                    "SELECT * FROM segment_members WHERE customer_id = ? ORDER BY segment",
                    "DELETE FROM segment_members WHERE customer_id = ?"),
            new Holding("profile",
                    "SELECT * FROM customer_profiles WHERE customer_id = ?",
                    "DELETE FROM customer_profiles WHERE customer_id = ?"),
            new Holding("contact",
                    "SELECT * FROM customer_contacts WHERE customer_id = ?",
                    "DELETE FROM customer_contacts WHERE customer_id = ?"),
            new Holding("consent",
                    "SELECT * FROM customer_consent WHERE customer_id = ? ORDER BY channel",
                    "DELETE FROM customer_consent WHERE customer_id = ?"),
            new Holding("webhookPayloads",
                    "SELECT id, source, webhook_id, received_at, status, encode(payload, 'base64') AS payload_base64 "
                            + "FROM webhook_deliveries WHERE " + WEBHOOK_PAYLOADS + " ORDER BY id",
                    "UPDATE webhook_deliveries SET payload = NULL WHERE " + WEBHOOK_PAYLOADS),
            new Holding("deadLetters",
                    "SELECT * FROM dead_letters WHERE " + DEAD_LETTERS + " ORDER BY id",
                    "DELETE FROM dead_letters WHERE " + DEAD_LETTERS));

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ProfileStore profiles;
    @Inject
    ObjectMapper json;
    @Inject
    Clock clock;

    /** Every row about the customer, by holding, as JSON; what the rows refer to comes before what refers to it. */
    public ObjectNode export(Connection connection, String customerId) throws SQLException {
        ObjectNode export = json.createObjectNode();
        export.put("customerId", customerId);
        export.put("exportedAt", clock.instant().toString());
        List<Holding> profileFirst = new java.util.ArrayList<>(HOLDINGS);
        java.util.Collections.reverse(profileFirst);
        for (Holding holding : profileFirst) {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT coalesce(json_agg(row_to_json(r)), '[]'::json)::text FROM (" + holding.rows() + ") r")) {
                query.setString(1, customerId);
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    export.set(holding.name(), json.readTree(row.getString(1)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return export;
    }

    /**
     * Deletes every row about the customer and marks the id erased, under the customer's ingest
     * lock: a batch for this customer either committed before (and is deleted here) or runs after
     * and sees the mark. Returns the rows deleted per holding.
     */
    public Map<String, Integer> erase(Connection connection, String customerId, String erasedBy) throws SQLException {
        profiles.lock(connection, List.of(customerId));
        Map<String, Integer> deleted = new LinkedHashMap<>();
        for (Holding holding : HOLDINGS) {
            try (PreparedStatement delete = connection.prepareStatement(holding.delete())) {
                delete.setString(1, customerId);
                deleted.put(holding.name(), delete.executeUpdate());
            }
        }
        Instant now = clock.instant();
        try (PreparedStatement mark = connection.prepareStatement("""
                INSERT INTO erased_customers (customer_hash, erased_at, erased_by) VALUES (?, ?, ?)
                ON CONFLICT (customer_hash) DO NOTHING
                """)) {
            mark.setString(1, ErasedCustomers.hash(customerId));
            mark.setTimestamp(2, Timestamp.from(now));
            mark.setString(3, erasedBy);
            mark.executeUpdate();
        }
        return deleted;
    }
}
