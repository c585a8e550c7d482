package dev.beckon.faults;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * For decisions the endpoint took more than once, what happened, side by side: each request as the
 * endpoint saw it (when, answered what) and each attempt as Beckon recorded it (when it started, how
 * long it took, the answer or the error), with the kills in between. A count of duplicates says
 * that something went wrong; these lines say whether Beckon missed an answer (its attempt timed out
 * although the endpoint answered 2xx), lost a lease, or crashed between sending and recording.
 */
final class DeliveryTimelines {

    static final int MOST = 12;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private DeliveryTimelines() {
    }

    static List<String> of(Connection db, StoredState stored, List<Receiver.Receipt> receipts, List<Long> killMillis)
            throws SQLException {
        Set<String> runDecisions = stored.decisions.stream().map(StoredState.Decision::id).collect(Collectors.toSet());
        Map<String, List<Receiver.Receipt>> byDecision = receipts.stream().filter(r -> runDecisions.contains(r.webhookId()))
                .collect(Collectors.groupingBy(Receiver.Receipt::webhookId, LinkedHashMap::new, Collectors.toList()));
        // Counted duplicates first: they need explaining. Repeats across a crash are by design, so a few examples do.
        List<String> repeated = byDecision.entrySet().stream()
                .filter(e -> e.getValue().stream().filter(Receiver.Receipt::made).count() > 1)
                .sorted(Comparator.comparing(e -> acrossCrash(e.getValue(), killMillis)))
                .map(Map.Entry::getKey).limit(MOST).toList();
        List<String> lines = new ArrayList<>();
        for (String decision : repeated) {
            List<Receiver.Receipt> requests = byDecision.get(decision);
            String label = acrossCrash(requests, killMillis) ? "resent across a crash: " : "DUPLICATE: ";
            long from = requests.get(0).atMillis();
            long to = requests.get(requests.size() - 1).atMillis();
            String kills = killMillis.stream().filter(k -> k >= from - 5_000 && k <= to)
                    .map(k -> " kill " + TIME.format(Instant.ofEpochMilli(k))).collect(Collectors.joining(";"));
            lines.add(label + decision + ": endpoint " + requests.stream()
                    .map(r -> TIME.format(Instant.ofEpochMilli(r.atMillis())) + " " + r.status())
                    .collect(Collectors.joining(", ")) + "; Beckon " + attempts(db, decision) + (kills.isEmpty() ? "" : ";" + kills));
        }
        return lines;
    }

    private static boolean acrossCrash(List<Receiver.Receipt> requests, List<Long> killMillis) {
        List<Receiver.Receipt> made = requests.stream().filter(Receiver.Receipt::made).toList();
        return made.stream().skip(1)
                .allMatch(repeat -> DeliveryCheck.crashBetween(made.get(0).atMillis(), repeat.atMillis(), killMillis));
    }

    private static String attempts(Connection db, String decision) throws SQLException {
        List<String> attempts = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement("""
                SELECT a.attempt, a.started_at, a.duration_ms, a.status_code, a.error, d.status, d.attempts
                FROM deliveries d LEFT JOIN delivery_attempts a ON a.delivery_id = d.id
                WHERE d.decision_id = ?::uuid AND d.channel = 'webhook' ORDER BY a.attempt
                """)) {
            query.setString(1, decision);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    if (attempts.isEmpty()) {
                        attempts.add(row.getString(6) + " after " + row.getInt(7) + " claims:");
                    }
                    if (row.getObject(1) != null) {
                        attempts.add("#" + row.getInt(1) + " " + TIME.format(row.getTimestamp(2).toInstant()) + " "
                                + row.getInt(3) + " ms " + (row.getObject(4) == null ? "-" : row.getInt(4))
                                + (row.getString(5) == null ? "" : " (" + row.getString(5) + ")"));
                    }
                }
            }
        }
        return String.join(" ", attempts);
    }
}
