package dev.beckon.campaign.report;

import static dev.beckon.support.Api.api;

import dev.beckon.support.TestNamespace;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A campaign's history written straight to the test database, as delivery planning and ingestion
 * would have left it: verdicts (sent, held out, suppressed), goal events and deliveries. Rows are
 * batched and written by {@link #save()}, so a simulated campaign of thousands of customers is quick.
 */
public final class ReportData implements AutoCloseable {

    private final String campaign;
    private final List<Object[]> verdicts = new ArrayList<>();
    private final List<Object[]> events = new ArrayList<>();
    private final List<Object[]> deliveries = new ArrayList<>();

    private ReportData(String campaign) {
        this.campaign = campaign;
    }

    /** Registers campaign {@code name} with this goal (null for none) and settings, and starts its history. */
    public static ReportData campaign(String name, String goal, Map<String, Object> settings) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "status", "running", "settings", settings));
        if (goal != null) {
            body.put("goal", goal);
        }
        api().body(body).post("/api/campaigns").then().statusCode(201);
        return new ReportData(name);
    }

    public UUID sent(String customer, Instant anchor) {
        return verdict(customer, "sent", null, anchor, null);
    }

    public UUID heldOut(String customer, Instant anchor) {
        return verdict(customer, "held_out", null, anchor, null);
    }

    /** A sent offer whose discount is estimated at {@code discount}. */
    public UUID offer(String customer, Instant anchor, String discount) {
        return verdict(customer, "sent", null, anchor, new BigDecimal(discount));
    }

    public UUID suppressed(String customer, Instant anchor, String reason) {
        return verdict(customer, "suppressed", reason, anchor, null);
    }

    /** A decision sent once the customer's quiet hours were over, at {@code heldUntil}. */
    public UUID held(String customer, Instant anchor, Instant heldUntil) {
        return verdict(customer, "sent", "held for quiet hours until " + heldUntil, heldUntil, anchor, null);
    }

    /**
     * A follow-up that was sent but held for quiet hours until {@code heldUntil}, then called off
     * because the customer did what it waited for: its verdict turned suppressed, its held_until kept.
     */
    public UUID calledOffWhileHeld(String customer, Instant anchor, Instant heldUntil) {
        return verdict(customer, "suppressed", "called off while held for quiet hours: the customer did what the "
                + "follow-up waited for", heldUntil, anchor, null);
    }

    private UUID verdict(String customer, String outcome, String reason, Instant anchor, BigDecimal discount) {
        return verdict(customer, outcome, reason, null, anchor, discount);
    }

    private UUID verdict(String customer, String outcome, String reason, Instant heldUntil, Instant anchor,
                         BigDecimal discount) {
        UUID id = UUID.randomUUID();
        verdicts.add(new Object[] {id, campaign, customer, outcome, reason, heldUntil == null ? null : Timestamp.from(heldUntil),
                discount != null, discount, Timestamp.from(anchor)});
        return id;
    }

    /** An event of {@code type} for {@code customer}, with this JSON data. */
    public ReportData event(String customer, String type, Instant occurredAt, String dataJson) {
        eventWithId(customer, type, occurredAt, dataJson);
        return this;
    }

    /** As {@link #event}, and returns the event's id. */
    public String eventWithId(String customer, String type, Instant occurredAt, String dataJson) {
        String id = UUID.randomUUID().toString();
        events.add(new Object[] {id, type, customer, Timestamp.from(occurredAt), dataJson});
        return id;
    }

    public ReportData delivery(UUID decision, String channel, String status) {
        deliveries.add(new Object[] {decision, channel, status});
        return this;
    }

    /** Writes everything added since the last save. */
    public void save() throws SQLException {
        try (Connection db = TestNamespace.database()) {
            db.setAutoCommit(false);
            batch(db, """
                    INSERT INTO decision_verdicts (decision_id, campaign, kind, customer_id, channel, outcome, reason,
                                                   held_until, offer, discount_value, capped, anchor_at, decided_at)
                    VALUES (?, ?, 'offer', ?, 'email', ?, ?, ?, ?, ?, true, ?, now())
                    """, verdicts);
            batch(db, """
                    INSERT INTO events (id, type, customer_id, occurred_at, received_at, source, channel, data)
                    VALUES (?, ?, ?, ?, now(), 'test', 'http', ?::jsonb)
                    """, events);
            batch(db, """
                    INSERT INTO deliveries (decision_id, message_type, channel, target, payload, status, created_at, retry_since)
                    VALUES (?, 'decision', ?, 'report-test', '{}', ?, now(), now())
                    """, deliveries);
            db.commit();
        }
        verdicts.clear();
        events.clear();
        deliveries.clear();
    }

    @Override
    public void close() throws SQLException {
        save();
    }

    private static void batch(Connection db, String sql, List<Object[]> rows) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement(sql)) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    insert.setObject(i + 1, row[i]);
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
