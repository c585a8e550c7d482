package dev.beckon.campaign.report;

import dev.beckon.campaign.Campaign;
import dev.beckon.campaign.Campaigns;
import dev.beckon.platform.SqlTimes;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A campaign's decisions of a report's period as CSV, one row per decision: who, when, which group,
 * the verdict, and whether a conversion was credited to it, by the report's own attribution, so the
 * rows add up to the report's figures. Rows are streamed from the database as they are written,
 * never held in memory together.
 */
@ApplicationScoped
public class DecisionExport {

    static final List<String> HEADER = List.of("customer_id", "decision_id", "decided_at", "kind", "channel", "group",
            "verdict", "reason", "held_until", "converted", "conversions", "converted_at", "conversion_event_id");
    /** Which columns hold text from outside (ids, reasons): only those are guarded against formulas. */
    private static final List<Boolean> TEXT = List.of(true, false, false, false, true, false, false, true, false, false,
            false, false, true);
    /** Rows fetched from PostgreSQL at a time; only a transaction streams them. */
    private static final int FETCH = 500;

    /*
     * The period's decisions in the order they were made (decision_verdicts_by_campaign). A goal
     * event in a decision's window is credited to it when no later decision of the customer in either
     * group came before the event: the report's "last decision whose window holds it", asked the
     * other way round so each row looks only at its own customer (events_by_customer_type_time and
     * decision_verdicts_by_campaign_customer). Suppressed decisions reached no one and convert nothing.
     */
    private static final String ROWS = """
            SELECT v.customer_id, v.decision_id, v.anchor_at, v.kind, v.channel, %1$s AS grp, v.outcome, v.reason,
                   v.held_until, c.conversions, c.first_at, c.first_id
            FROM decision_verdicts v
            LEFT JOIN LATERAL (
                SELECT count(*) AS conversions, min(e.occurred_at) AS first_at,
                       (array_agg(e.id ORDER BY e.occurred_at, e.id))[1] AS first_id
                FROM events e
                WHERE e.customer_id = v.customer_id AND e.type = ?
                  AND e.occurred_at > v.anchor_at AND e.occurred_at <= v.anchor_at + ?::interval
                  AND NOT EXISTS (
                      SELECT 1 FROM decision_verdicts r
                      WHERE r.campaign = v.campaign AND r.customer_id = v.customer_id AND %2$s
                        AND r.anchor_at < e.occurred_at AND (r.anchor_at, r.decision_id) > (v.anchor_at, v.decision_id))
            ) c ON %3$s
            WHERE v.campaign = ? AND v.anchor_at >= ? AND v.anchor_at < ?
            ORDER BY v.anchor_at, v.decision_id
            """.formatted(ReportStore.group("v."), ReportStore.inAGroup("r."), ReportStore.inAGroup("v."));

    @Inject
    Campaigns campaigns;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    Clock clock;

    /** What a download is called: the campaign's name (letters, digits, - and _ only) and the period. */
    public record Download(String fileName, StreamingOutput body) {
    }

    /**
     * The export of campaign {@code name} over the period the parameters give (as the report's,
     * {@link ReportPeriod#parse}). The campaign and the period are checked now, so a missing campaign
     * or a bad period is refused before the first byte; the rows are read as the body is written.
     */
    public Download csv(String name, String from, String to) {
        Campaign campaign = campaigns.get(name);
        ReportPeriod period = ReportPeriod.parse(from, to, clock);
        String goal = campaign.goal == null || campaign.goal.isBlank() ? null : campaign.goal;
        String window = campaign.settings().conversionWindowOrDefault().toString();
        String fileName = campaign.name + "-decisions-" + period.from().toString().substring(0, 10) + ".csv";
        return new Download(fileName, out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            try {
                write(writer, campaign.name, goal, window, period);
            } catch (SQLException e) {
                throw new IllegalStateException("Could not export the decisions of campaign " + campaign.name, e);
            }
            writer.flush();
        });
    }

    private void write(Writer out, String campaign, String goal, String window, ReportPeriod period)
            throws SQLException, IOException {
        CsvCells.record(out, HEADER, Collections.nCopies(HEADER.size(), false));
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false); // PostgreSQL streams rows in chunks only inside a transaction
            try (PreparedStatement query = connection.prepareStatement(ROWS)) {
                query.setFetchSize(FETCH);
                query.setString(1, goal);
                query.setString(2, window);
                query.setString(3, campaign);
                query.setTimestamp(4, Timestamp.from(period.from()));
                query.setTimestamp(5, Timestamp.from(period.to()));
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        CsvCells.record(out, fields(row, goal != null), TEXT);
                    }
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    private static List<String> fields(ResultSet row, boolean measured) throws SQLException {
        String group = row.getString("grp");
        boolean converts = measured && group != null;
        long conversions = converts ? row.getLong("conversions") : 0;
        return Arrays.asList(row.getString("customer_id"), row.getString("decision_id"), instant(row, "anchor_at"),
                row.getString("kind"), row.getString("channel"), group == null ? "none" : groupName(group),
                verdict(row.getString("outcome"), row.getTimestamp("held_until") != null), row.getString("reason"),
                instant(row, "held_until"), converts ? (conversions > 0 ? "yes" : "no") : null,
                converts ? String.valueOf(conversions) : null, conversions > 0 ? instant(row, "first_at") : null,
                conversions > 0 ? row.getString("first_id") : null);
    }

    private static String groupName(String group) {
        return ReportStore.HOLDOUT.equals(group) ? "holdout" : "treatment";
    }

    /** sent, held (sent once quiet hours were over), held_out or suppressed. */
    private static String verdict(String outcome, boolean held) {
        return "sent".equals(outcome) && held ? "held" : outcome;
    }

    private static String instant(ResultSet row, String column) throws SQLException {
        return Objects.toString(SqlTimes.instant(row.getTimestamp(column)), null);
    }
}
