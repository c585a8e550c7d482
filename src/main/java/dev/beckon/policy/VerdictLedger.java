package dev.beckon.policy;

import dev.beckon.campaign.FrequencyCap;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * The decision_verdicts table: each verdict as it is reached, and the counts caps, budgets and
 * re-entry are judged by. Counts go by when each message was decided (or, a follow-up, fell due),
 * on Beckon's clock: what caps protect is the customer's inbox, which a backfilled old event reaches
 * today like any other, and a message judged late, behind a backlog, counts where it was decided. A batch's verdicts are written together, but always before a count, so a
 * count includes the verdicts planned just before it in the same batch.
 */
@ApplicationScoped
public class VerdictLedger {

    /** A verdict as stored: the verdict, and what caps, re-entry and reports need to know of its decision. */
    record Entry(MarketingMessage message, Verdict verdict, String entryKey, boolean offer, boolean capped,
                 Instant anchorAt) {
    }

    /** What a campaign has spent: offers and their discount value, today and in total. */
    record Spend(long offersToday, BigDecimal discountToday, long offers, BigDecimal discount) {
    }

    private static final String INSERT = """
            INSERT INTO decision_verdicts (decision_id, campaign, kind, customer_id, channel, outcome, reason,
                held_until, entry_key, offer, offer_code, discount_value, capped, anchor_at, decided_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (decision_id) DO NOTHING
            """;

    private static final String CAP_COUNT = """
            SELECT count(*) FROM decision_verdicts
            WHERE customer_id = ? AND capped AND decided_at > ? AND outcome = ANY(?)
              AND (?::text IS NULL OR channel = ?) AND (?::text IS NULL OR kind = ?) AND (?::text IS NULL OR campaign = ?)
            """;

    private static final String LAST_ENTRY = """
            SELECT max(decided_at) FROM decision_verdicts
            WHERE campaign = ? AND customer_id = ? AND outcome IN ('sent', 'held_out')
              AND (?::text IS NULL OR entry_key = ?)
            """;

    private static final String SPEND = """
            SELECT count(*) FILTER (WHERE decided_at >= ?), coalesce(sum(discount_value) FILTER (WHERE decided_at >= ?), 0),
                   count(*), coalesce(sum(discount_value), 0)
            FROM decision_verdicts WHERE campaign = ? AND outcome = 'sent' AND offer
            """;

    /** Keeps the verdict to be written with the batch's others, before the next count or at the batch's end. */
    void record(PolicyContext context, Entry entry) {
        context.unwritten().add(entry);
    }

    /** Writes the batch's verdicts kept so far, in one round trip. */
    void flush(Connection connection, PolicyContext context) throws SQLException {
        if (context.unwritten().isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (Entry entry : context.unwritten()) {
                MarketingMessage m = entry.message();
                Verdict v = entry.verdict();
                insert.setObject(1, m.decisionId());
                insert.setString(2, m.campaign());
                insert.setString(3, m.kind());
                insert.setString(4, m.customerId());
                insert.setString(5, m.channel());
                insert.setString(6, v.outcome());
                insert.setString(7, v.reason());
                insert.setTimestamp(8, v.heldUntil() == null ? null : Timestamp.from(v.heldUntil()));
                insert.setString(9, entry.entryKey());
                insert.setBoolean(10, entry.offer());
                insert.setString(11, v.offerCode());
                insert.setBigDecimal(12, v.discountValue());
                insert.setBoolean(13, entry.capped());
                insert.setTimestamp(14, Timestamp.from(entry.anchorAt()));
                insert.setTimestamp(15, Timestamp.from(m.asOf()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        context.unwritten().clear();
    }

    /**
     * How many capped messages the customer had within the cap's window: {@code outcomes} sent, or
     * also held out for a campaign's own caps, so its control group is capped like everyone else.
     */
    long countForCap(Connection connection, String customerId, FrequencyCap cap, String campaign, List<String> outcomes,
                     Instant now) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement(CAP_COUNT)) {
            count.setString(1, customerId);
            count.setTimestamp(2, Timestamp.from(now.minus(cap.window())));
            count.setArray(3, connection.createArrayOf("text", outcomes.toArray()));
            count.setString(4, cap.channel());
            count.setString(5, cap.channel());
            count.setString(6, cap.kind());
            count.setString(7, cap.kind());
            count.setString(8, campaign);
            count.setString(9, campaign);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** When the customer last entered the campaign (with this key, when one is given), or null. */
    Instant lastEntry(Connection connection, String campaign, String customerId, String entryKey) throws SQLException {
        try (PreparedStatement last = connection.prepareStatement(LAST_ENTRY)) {
            last.setString(1, campaign);
            last.setString(2, customerId);
            last.setString(3, entryKey);
            last.setString(4, entryKey);
            try (ResultSet row = last.executeQuery()) {
                row.next();
                Timestamp at = row.getTimestamp(1);
                return at == null ? null : at.toInstant();
            }
        }
    }

    Spend spend(Connection connection, String campaign, Instant startOfDay) throws SQLException {
        try (PreparedStatement spend = connection.prepareStatement(SPEND)) {
            spend.setTimestamp(1, Timestamp.from(startOfDay));
            spend.setTimestamp(2, Timestamp.from(startOfDay));
            spend.setString(3, campaign);
            try (ResultSet row = spend.executeQuery()) {
                row.next();
                return new Spend(row.getLong(1), row.getBigDecimal(2), row.getLong(3), row.getBigDecimal(4));
            }
        }
    }

    /** Writes an assigned offer code into the stored decision, so the decision's record shows the code it carried. */
    void recordCode(Connection connection, MarketingMessage message, String code) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE decisions SET details = jsonb_set(details, ?::text[], to_jsonb(?::text)) WHERE id = ?")) {
            update.setArray(1, connection.createArrayOf("text", message.codePath()));
            update.setString(2, code);
            update.setObject(3, message.decisionId());
            update.executeUpdate();
        }
    }
}
