package dev.beckon.policy;

import static dev.beckon.platform.SqlTimes.instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Why a customer got what they got, and why not: every rule that decided something for them, each
 * decision with its verdict (sent, held for quiet hours, held out, or suppressed and why), where a
 * follow-up or escalation stands, and each delivery. Support and marketers read it on the customer
 * page; integrators through {@code GET /api/customers/{id}/why}.
 */
@ApplicationScoped
public class DecisionExplanations {

    /** One decision and what became of it; {@code outcome} sums it up, {@code reason} says why. */
    public record Explained(UUID decisionId, String kind, String rule, int ruleSetVersion, String campaign,
                            String eventId, String eventType, Instant decidedAt, JsonNode details, String outcome,
                            String reason, Instant heldUntil, String offerCode, List<DeliveryState> deliveries) {

        Explained withOutcome(String[] outcomeAndReason) {
            return new Explained(decisionId, kind, rule, ruleSetVersion, campaign, eventId, eventType, decidedAt, details,
                    outcomeAndReason[0], outcomeAndReason[1], heldUntil, offerCode, deliveries);
        }
    }

    public record DeliveryState(String channel, String target, String status, String reason, Instant deliveredAt) {
    }

    /** A rule that decided something for the customer: how often, and when last. */
    public record RuleMatch(String rule, int decisions, Instant lastDecidedAt) {
    }

    public record Why(String customerId, List<RuleMatch> rules, List<Explained> decisions) {
    }

    private static final String DECISIONS = """
            SELECT d.id, d.kind, d.rule_name, d.rule_set_version, d.campaign, d.event_id, e.type, d.decided_at,
                   d.details::text, v.outcome, v.reason, v.held_until, v.offer_code,
                   f.status, f.due_at, f.closed_by_event, x.status, x.queue
            FROM decisions d
            LEFT JOIN decision_verdicts v ON v.decision_id = d.id
            LEFT JOIN events e ON e.id = d.event_id
            LEFT JOIN follow_ups f ON f.decision_id = d.id
            LEFT JOIN escalations x ON x.decision_id = d.id
            WHERE d.customer_id = ? ORDER BY d.decided_at DESC, d.id LIMIT ?
            """;

    private static final String DELIVERIES = """
            SELECT decision_id, channel, target, status, reason, delivered_at FROM deliveries
            WHERE decision_id = ANY(?) ORDER BY id
            """;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ObjectMapper json;

    public Why explain(String customerId, int limit) {
        try (Connection connection = dataSource.getConnection()) {
            List<Explained> decisions = decisions(connection, customerId, limit);
            Map<String, RuleMatch> rules = new LinkedHashMap<>();
            for (Explained d : decisions) {
                RuleMatch seen = rules.get(d.rule());
                rules.put(d.rule(), seen == null ? new RuleMatch(d.rule(), 1, d.decidedAt())
                        : new RuleMatch(d.rule(), seen.decisions() + 1, seen.lastDecidedAt()));
            }
            return new Why(customerId, List.copyOf(rules.values()), decisions);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the customer's decisions", e);
        }
    }

    private List<Explained> decisions(Connection connection, String customerId, int limit) throws SQLException {
        record Row(Explained partial, DecisionOutcome.Facts facts) {
        }
        List<Row> rows = new ArrayList<>();
        Map<UUID, List<DeliveryState>> deliveries = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement(DECISIONS)) {
            query.setString(1, customerId);
            query.setInt(2, limit);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    UUID id = row.getObject(1, UUID.class);
                    List<DeliveryState> states = new ArrayList<>();
                    deliveries.put(id, states);
                    Instant heldUntil = instant(row.getTimestamp(12));
                    rows.add(new Row(new Explained(id, row.getString(2), row.getString(3), row.getInt(4),
                            row.getString(5), row.getString(6), row.getString(7), instant(row.getTimestamp(8)),
                            parse(row.getString(9)), null, null, heldUntil, row.getString(13), states),
                            new DecisionOutcome.Facts(row.getString(10), row.getString(11), heldUntil, row.getString(14),
                                    instant(row.getTimestamp(15)), row.getString(16), row.getString(17),
                                    row.getString(18), states)));
                }
            }
        }
        if (!deliveries.isEmpty()) {
            try (PreparedStatement query = connection.prepareStatement(DELIVERIES)) {
                query.setArray(1, connection.createArrayOf("uuid", deliveries.keySet().toArray()));
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        deliveries.get(row.getObject(1, UUID.class)).add(new DeliveryState(row.getString(2),
                                row.getString(3), row.getString(4), row.getString(5), instant(row.getTimestamp(6))));
                    }
                }
            }
        }
        // The outcome reads the deliveries too, so it is summed up once they are all in.
        return rows.stream().map(r -> r.partial().withOutcome(DecisionOutcome.of(r.facts()))).toList();
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
