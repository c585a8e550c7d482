package dev.beckon.faults;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A flood of bad input in the middle of the stream (see {@link BadInputFlood}). Each bad HTTP
 * request must get its own clear refusal, a 4xx RFC 7807 problem (a rule that throws: a 202 naming
 * the event rejected); each bad RabbitMQ message exactly one dead letter, in the table with its
 * reason and on the dead-letter queue with the reason header; and the good traffic must all be
 * stored, which the common checks see.
 */
final class BadInputScenario implements Scenario {

    private static final String DEAD_QUEUE = "beckon.dead";
    private BadInputFlood flood;

    @Override
    public String name() {
        return "badinput";
    }

    @Override
    public FaultSchedule faults(FaultRig rig, SuiteOptions options, String run, List<Long> kills) throws Exception {
        rig.api.post("/api/event-types/" + BadInputFlood.CHECKED_TYPE + "/schemas", BadInputFlood.SCHEMA);
        // Other replicas pick the schema up at their next catalog sync (every 2 s in the suite).
        Thread.sleep(3_000);
        drainDeadQueue(rig, "none");
        flood = new BadInputFlood(rig, run, Math.max(10, Math.min(1_000, options.events() / 200)));
        return new FaultSchedule().at(0.3, "a flood of bad input", flood::send);
    }

    @Override
    public void check(FaultRig rig, String run, StoredState stored, Report report) throws Exception {
        Map<String, Integer> wrong = new TreeMap<>();
        long refused = 0;
        for (BadInputFlood.Refusal r : flood.refusals) {
            if (r.asExpected()) {
                refused++;
            } else {
                wrong.merge(r.kind() + " answered " + r.status() + " " + r.contentType(), 1, Integer::sum);
            }
        }
        report.add(new Report.Row("refusals (HTTP)", flood.refusals.size(), refused, flood.refusals.size() - refused, 0, -1,
                wrong.isEmpty() ? "each a 4xx problem (or a 202 naming the rejected event)" : "not as expected: " + wrong));

        Map<String, String> reasons = new HashMap<>();
        Map<String, Integer> failures = new HashMap<>();
        try (java.sql.Connection db = rig.db();
             PreparedStatement statement = db.prepareStatement(
                     "SELECT payload, reason, failures FROM dead_letters WHERE channel = 'rabbitmq' AND payload LIKE ?")) {
            statement.setString(1, "%" + run + "-bad-%");
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    String marker = markerIn(row.getString(1), run);
                    reasons.put(marker, row.getString(2));
                    failures.put(marker, row.getInt(3));
                }
            }
        }
        long recorded = 0;
        long lost = 0;
        long duplicated = 0;
        for (BadInputFlood.BadMessage m : flood.messages) {
            String reason = reasons.get(m.marker());
            if (reason != null && reason.startsWith(m.reason())) {
                recorded++;
                duplicated += failures.get(m.marker()) - 1;
            } else {
                lost++;
            }
        }
        Map<String, Integer> onQueue = drainDeadQueue(rig, run);
        long queued = onQueue.size();
        long queuedTwice = onQueue.values().stream().mapToLong(n -> n - 1).sum();
        report.add(new Report.Row("dead letters", flood.messages.size(), recorded, lost + Math.max(0, flood.messages.size() - queued),
                duplicated + queuedTwice, -1, "on the " + DEAD_QUEUE + " queue with a reason header: " + queued));
    }

    /** Takes every message off the dead-letter queue; counts those of the run's flood (with a reason header) by marker. */
    private static Map<String, Integer> drainDeadQueue(FaultRig rig, String run) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(rig.broker.amqpUri());
        Map<String, Integer> seen = new HashMap<>();
        try (Connection connection = factory.newConnection("beckon-fault-suite-dead-letters")) {
            Channel channel = connection.createChannel();
            GetResponse message;
            while ((message = channel.basicGet(DEAD_QUEUE, true)) != null) {
                String body = new String(message.getBody(), StandardCharsets.UTF_8);
                Map<String, Object> headers = message.getProps().getHeaders();
                if (body.contains(run + "-bad-") && headers != null && headers.get("x-beckon-reason") != null) {
                    seen.merge(markerIn(body, run), 1, Integer::sum);
                }
            }
        }
        return seen;
    }

    private static String markerIn(String payload, String run) {
        int start = payload.indexOf(run + "-bad-");
        int end = start;
        while (end < payload.length() && payload.charAt(end) != '"') {
            end++;
        }
        return payload.substring(start, end);
    }
}
