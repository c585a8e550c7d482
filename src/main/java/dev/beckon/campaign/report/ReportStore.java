package dev.beckon.campaign.report;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A campaign's decisions and their conversions, counted in the database: attribution is a few
 * set-based queries over decision_verdicts, events and deliveries, never a loop over customers.
 */
@ApplicationScoped
public class ReportStore {

    /** The two groups a report compares, as decision_verdicts.outcome names them. */
    public static final String TREATMENT = "sent";
    public static final String HOLDOUT = "held_out";

    /** What one campaign asks to be measured by. */
    public record Measure(String campaign, String goal, Duration window, String revenueField) {
    }

    /**
     * One group's decisions in the period ({@code day} null) or on one UTC day of it, with the
     * conversions attributed to them.
     */
    public record Tally(String outcome, LocalDate day, long decisions, long customers, long convertedCustomers,
                        long conversions, BigDecimal revenue, BigDecimal discountOffered, BigDecimal discountSpent,
                        long openWindows) {
    }

    /** Everything a report is made of, straight from the database. */
    public record Counts(List<Tally> tallies, Map<String, Map<String, Long>> deliveredByOutcome,
                         List<SuppressedReason> suppressed) {
    }

    public record SuppressedReason(String reason, long decisions) {
    }

    /** The reasons a report lists by name; the rest are counted together. */
    static final int REASONS_SHOWN = 20;

    /*
     * The group each verdict is measured in: held_out is the holdout; the treatment ('sent') is
     * every decision that passed the control group and was sent, including one held for quiet hours
     * and called off while it waited (HeldMessages turns it suppressed but keeps its held_until).
     * Leaving those out would drop from the treatment exactly the customers who converted during the
     * wait, while their held-out peers still count. Every verdict is anchored at its decision, sent
     * or held out (see DecisionPolicy), so both groups are measured from the same moment.
     */
    private static final String GROUP = group("");
    private static final String IN_A_GROUP = inAGroup("");

    /** The verdict's group, 'sent' or 'held_out', or null for neither; {@code alias} is "" or the table's alias and a dot. */
    static String group(String alias) {
        return "CASE WHEN %1$soutcome = 'held_out' THEN 'held_out' WHEN %1$soutcome = 'sent' OR %1$sheld_until IS NOT NULL THEN 'sent' END"
                .formatted(alias);
    }

    /** Whether the verdict is in a group. */
    static String inAGroup(String alias) {
        return "(%1$soutcome IN ('sent', 'held_out') OR %1$sheld_until IS NOT NULL)".formatted(alias);
    }

    /*
     * A goal event converts when it occurred in (anchor_at, anchor_at + window] of one of the
     * customer's verdicts in the period. It is attributed to the customer's last treatment or
     * holdout verdict of the campaign whose window holds it, whether or not that one is in the
     * period: so adjacent periods never count the same conversion twice, and a conversion whose
     * last verdict lies outside the period is left out (the LEFT JOIN below finds no such verdict).
     * Verdicts in neither group reached no one and take no part. Revenue is the event's revenue field when
     * it holds a number (a JSON number or a numeric string); anything else adds a conversion, no revenue.
     * The credited conversions are MATERIALIZED: computed once, even when stale statistics (a
     * campaign's first hours) make the planner think a nested loop over them is cheap.
     */
    private static final String TALLIES = """
            WITH period AS (
                SELECT decision_id, customer_id, %1$s AS outcome, outcome = 'sent' AS sent, anchor_at, offer, discount_value
                FROM decision_verdicts
                WHERE campaign = ? AND %2$s AND anchor_at >= ? AND anchor_at < ?
            ), goal_events AS (
                SELECT DISTINCT e.id, e.customer_id, e.occurred_at, e.data #>> ?::text[] AS revenue
                FROM period v
                JOIN events e ON e.customer_id = v.customer_id AND e.type = ?
                             AND e.occurred_at > v.anchor_at AND e.occurred_at <= v.anchor_at + ?::interval
            ), attributed AS MATERIALIZED (
                SELECT last.decision_id, count(*) AS conversions,
                       sum(CASE WHEN g.revenue ~ '^\\s*-?[0-9]+(\\.[0-9]+)?\\s*$' THEN g.revenue::numeric END) AS revenue
                FROM goal_events g
                CROSS JOIN LATERAL (
                    SELECT r.decision_id FROM decision_verdicts r
                    WHERE r.campaign = ? AND r.customer_id = g.customer_id AND %2$s
                      AND r.anchor_at < g.occurred_at AND r.anchor_at >= g.occurred_at - ?::interval
                    ORDER BY r.anchor_at DESC, r.decision_id DESC
                    LIMIT 1
                ) last
                GROUP BY last.decision_id
            )
            SELECT p.outcome, GROUPING((p.anchor_at AT TIME ZONE 'UTC')::date) = 1 AS whole_period,
                   (p.anchor_at AT TIME ZONE 'UTC')::date AS day,
                   count(*) AS decisions,
                   count(DISTINCT p.customer_id) AS customers,
                   count(DISTINCT p.customer_id) FILTER (WHERE a.conversions > 0) AS converted_customers,
                   coalesce(sum(a.conversions), 0) AS conversions,
                   coalesce(sum(a.revenue), 0) AS revenue,
                   coalesce(sum(p.discount_value) FILTER (WHERE p.sent AND p.offer), 0) AS discount_offered,
                   coalesce(sum(p.discount_value) FILTER (WHERE p.sent AND p.offer AND a.conversions > 0), 0)
                       AS discount_spent,
                   count(*) FILTER (WHERE p.anchor_at + ?::interval > ?) AS open_windows
            FROM period p
            LEFT JOIN attributed a ON a.decision_id = p.decision_id
            GROUP BY GROUPING SETS ((p.outcome), (p.outcome, (p.anchor_at AT TIME ZONE 'UTC')::date))
            """.formatted(GROUP, IN_A_GROUP);

    private static final String DELIVERED = """
            SELECT v.group_name, d.channel, count(*)
            FROM (SELECT decision_id, %s AS group_name FROM decision_verdicts
                  WHERE campaign = ? AND %s AND anchor_at >= ? AND anchor_at < ?) v
            JOIN deliveries d ON d.decision_id = v.decision_id
            WHERE d.status = 'delivered'
            GROUP BY v.group_name, d.channel
            """.formatted(GROUP, IN_A_GROUP);

    /** Decisions in neither group: suppressed before they were sent (not called off while held). */
    private static final String SUPPRESSED = """
            SELECT coalesce(reason, 'no reason recorded') AS why, count(*)
            FROM decision_verdicts
            WHERE campaign = ? AND NOT %s AND anchor_at >= ? AND anchor_at < ?
            GROUP BY why
            ORDER BY count(*) DESC, why
            """.formatted(IN_A_GROUP);

    @Inject
    AgroalDataSource dataSource;

    /**
     * Counts {@code measure}'s campaign over {@code period}, as of {@code now} (for windows still
     * open). Without a goal nothing converts, and the tallies hold decisions only.
     */
    public Counts count(Measure measure, ReportPeriod period, Instant now) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return new Counts(tallies(connection, measure, period, now), delivered(connection, measure.campaign(), period),
                    suppressed(connection, measure.campaign(), period));
        }
    }

    private static List<Tally> tallies(Connection connection, Measure measure, ReportPeriod period, Instant now)
            throws SQLException {
        String window = measure.window().toString();
        List<Tally> tallies = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(TALLIES)) {
            query.setString(1, measure.campaign());
            query.setTimestamp(2, Timestamp.from(period.from()));
            query.setTimestamp(3, Timestamp.from(period.to()));
            query.setArray(4, connection.createArrayOf("text", measure.revenueField().split("\\.")));
            query.setString(5, measure.goal());
            query.setString(6, window);
            query.setString(7, measure.campaign());
            query.setString(8, window);
            query.setString(9, window);
            query.setTimestamp(10, Timestamp.from(now));
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    LocalDate day = row.getBoolean("whole_period") ? null : row.getObject("day", LocalDate.class);
                    tallies.add(new Tally(row.getString("outcome"), day, row.getLong("decisions"), row.getLong("customers"),
                            row.getLong("converted_customers"), row.getLong("conversions"), row.getBigDecimal("revenue"),
                            row.getBigDecimal("discount_offered"), row.getBigDecimal("discount_spent"),
                            row.getLong("open_windows")));
                }
            }
        }
        return tallies;
    }

    private static Map<String, Map<String, Long>> delivered(Connection connection, String campaign, ReportPeriod period)
            throws SQLException {
        Map<String, Map<String, Long>> delivered = new TreeMap<>();
        try (PreparedStatement query = periodQuery(connection, DELIVERED, campaign, period);
             ResultSet row = query.executeQuery()) {
            while (row.next()) {
                delivered.computeIfAbsent(row.getString(1), outcome -> new TreeMap<>()).put(row.getString(2), row.getLong(3));
            }
        }
        return delivered;
    }

    private static List<SuppressedReason> suppressed(Connection connection, String campaign, ReportPeriod period)
            throws SQLException {
        List<SuppressedReason> reasons = new ArrayList<>();
        long others = 0;
        try (PreparedStatement query = periodQuery(connection, SUPPRESSED, campaign, period);
             ResultSet row = query.executeQuery()) {
            while (row.next()) {
                if (reasons.size() < REASONS_SHOWN) {
                    reasons.add(new SuppressedReason(row.getString(1), row.getLong(2)));
                } else {
                    others += row.getLong(2);
                }
            }
        }
        if (others > 0) {
            reasons.add(new SuppressedReason("other reasons", others));
        }
        return reasons;
    }

    private static PreparedStatement periodQuery(Connection connection, String sql, String campaign, ReportPeriod period)
            throws SQLException {
        PreparedStatement query = connection.prepareStatement(sql);
        try {
            query.setString(1, campaign);
            query.setTimestamp(2, Timestamp.from(period.from()));
            query.setTimestamp(3, Timestamp.from(period.to()));
            return query;
        } catch (SQLException e) {
            query.close();
            throw e;
        }
    }
}
