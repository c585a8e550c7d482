package dev.beckon.campaign;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A campaign's unique offer codes. Each offer takes one code in the transaction that plans it:
 * {@code SKIP LOCKED} lets replicas planning at once take different codes without waiting, the
 * unique decision id keeps a code from going to two offers, and a rolled-back plan gives its code back.
 */
@ApplicationScoped
public class OfferCodePool {

    private static final String CLAIM = """
            UPDATE offer_codes SET decision_id = ?, customer_id = ?, claimed_at = ?
            WHERE id = (SELECT id FROM offer_codes WHERE campaign = ? AND decision_id IS NULL
                        ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING code
            """;

    /** Takes one free code of the campaign's pool for the decision, in the caller's transaction; empty when none is left. */
    public Optional<String> claim(Connection connection, String campaign, UUID decisionId, String customerId, Instant now)
            throws SQLException {
        try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
            claim.setObject(1, decisionId);
            claim.setString(2, customerId);
            claim.setTimestamp(3, Timestamp.from(now));
            claim.setString(4, campaign);
            try (ResultSet row = claim.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }
}
