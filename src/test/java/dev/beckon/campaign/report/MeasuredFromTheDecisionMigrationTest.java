package dev.beckon.campaign.report;

import static dev.beckon.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.beckon.support.TestNamespace;
import io.quarkus.test.junit.QuarkusTest;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * V24 anchors verdicts that planning stored before issue #15 was fixed, when a decision held for
 * quiet hours was anchored at its release: they are anchored at their decision, as new ones are.
 */
@QuarkusTest
class MeasuredFromTheDecisionMigrationTest {

    static final String MIGRATION = "db/migration/V24__verdicts_measured_from_the_decision.sql";
    static final Instant EVENT = Instant.parse("2025-05-05T18:00:00Z");
    static final Instant MORNING = Instant.parse("2025-05-06T02:15:00Z");

    @Test
    void verdictsHeldForQuietHoursAreAnchoredAgainAtTheirDecisionAndNoOthers() throws Exception {
        String campaign = unique("v24");
        try (Connection db = TestNamespace.database()) {
            UUID heldOffer = decision(db, campaign, "offer", EVENT, null);
            verdict(db, heldOffer, campaign, "sent", MORNING, MORNING);
            Instant due = EVENT.plus(Duration.ofMinutes(30));
            UUID heldFollowUp = decision(db, campaign, "followup", EVENT, due);
            verdict(db, heldFollowUp, campaign, "suppressed", MORNING, MORNING);
            UUID heldOut = decision(db, campaign, "offer", EVENT, null);
            verdict(db, heldOut, campaign, "held_out", null, EVENT);

            try (Statement migrate = db.createStatement()) {
                migrate.execute(migration());
            }

            assertThat(anchor(db, heldOffer)).as("the triggering event's time").isEqualTo(EVENT);
            assertThat(anchor(db, heldFollowUp)).as("the follow-up's due time").isEqualTo(due);
            assertThat(anchor(db, heldOut)).isEqualTo(EVENT);
        }
    }

    private static UUID decision(Connection db, String campaign, String kind, Instant event, Instant due) throws Exception {
        UUID id = UUID.randomUUID();
        String customer = unique("c");
        String eventId = unique("e");
        try (PreparedStatement insert = db.prepareStatement("""
                INSERT INTO events (id, type, customer_id, occurred_at, received_at, source, channel, data)
                VALUES (?, 'cart.updated', ?, ?, ?, 'test', 'http', '{}')""")) {
            insert.setString(1, eventId);
            insert.setString(2, customer);
            insert.setTimestamp(3, Timestamp.from(event));
            insert.setTimestamp(4, Timestamp.from(event.plusSeconds(5)));
            insert.executeUpdate();
        }
        try (PreparedStatement insert = db.prepareStatement("""
                INSERT INTO decisions (id, kind, customer_id, event_id, rule_name, rule_set_version, campaign, decided_at)
                VALUES (?, ?, ?, ?, 'test', 1, ?, ?)""")) {
            insert.setObject(1, id);
            insert.setString(2, kind);
            insert.setString(3, customer);
            insert.setString(4, eventId);
            insert.setString(5, campaign);
            insert.setTimestamp(6, Timestamp.from(event.plusSeconds(6)));
            insert.executeUpdate();
        }
        if (due != null) {
            try (PreparedStatement insert = db.prepareStatement("""
                    INSERT INTO follow_ups (decision_id, customer_id, campaign, due_at, status) VALUES (?, ?, ?, ?, 'fired')""")) {
                insert.setObject(1, id);
                insert.setString(2, customer);
                insert.setString(3, campaign);
                insert.setTimestamp(4, Timestamp.from(due));
                insert.executeUpdate();
            }
        }
        return id;
    }

    private static void verdict(Connection db, UUID decision, String campaign, String outcome, Instant heldUntil,
                                Instant anchor) throws Exception {
        try (PreparedStatement insert = db.prepareStatement("""
                INSERT INTO decision_verdicts (decision_id, campaign, kind, customer_id, channel, outcome, held_until, offer,
                                               capped, anchor_at, decided_at)
                SELECT id, campaign, kind, customer_id, 'email', ?, ?, false, true, ?, decided_at FROM decisions WHERE id = ?""")) {
            insert.setString(1, outcome);
            insert.setTimestamp(2, heldUntil == null ? null : Timestamp.from(heldUntil));
            insert.setTimestamp(3, Timestamp.from(anchor));
            insert.setObject(4, decision);
            insert.executeUpdate();
        }
    }

    private static Instant anchor(Connection db, UUID decision) throws Exception {
        try (PreparedStatement query = db.prepareStatement("SELECT anchor_at FROM decision_verdicts WHERE decision_id = ?")) {
            query.setObject(1, decision);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getTimestamp(1).toInstant();
            }
        }
    }

    private static String migration() throws Exception {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(MIGRATION)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
