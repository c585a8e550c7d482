package dev.beckon.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.beckon.event.EventEnvelope;
import dev.beckon.ingest.Incoming;
import dev.beckon.ingest.IngestPipeline;
import dev.beckon.platform.Batches;
import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Hands the inbox's events (escalation.resolved, escalation.sla_breached) to the ingest pipeline,
 * so rules react to them like to any event. Each is written as a history line in the transaction of
 * the change it reports, and handed over after the commit: at once, and again on a schedule until the
 * pipeline took it (it holds events while no rule set is live). Lines are claimed FOR UPDATE SKIP
 * LOCKED; an event handed over twice (a crash before it was marked) has the same id, so the pipeline
 * drops the second as a duplicate.
 */
@ApplicationScoped
public class EscalationEventRelay {

    private static final Logger LOG = Logger.getLogger(EscalationEventRelay.class);
    static final int BATCH = 100;
    /** The channel and source the inbox's events carry, in the event store and the metrics. */
    public static final String CHANNEL = "inbox";
    public static final String SOURCE = "beckon.inbox";

    private static final String CLAIM = """
            SELECT h.id, h.event_id, h.event_type, h.at, h.details::text, e.customer_id, h.escalation_id
            FROM escalation_history h JOIN escalations e ON e.decision_id = h.escalation_id
            WHERE h.event_id IS NOT NULL AND h.event_submitted_at IS NULL
            ORDER BY h.id LIMIT ? FOR UPDATE OF h SKIP LOCKED
            """;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    IngestPipeline pipeline;
    @Inject
    ObjectMapper json;
    @Inject
    Clock clock;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "beckon-inbox-events");
        thread.setDaemon(true);
        return thread;
    });

    @Scheduled(every = "${beckon.inbox.event-relay-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            relayPending();
        } catch (RuntimeException e) {
            LOG.warnf("Inbox events wait to be handed to the pipeline: %s", e.getMessage());
        }
    }

    void recorded(@Observes(during = TransactionPhase.AFTER_SUCCESS) InboxEventRecorded recorded) {
        wake();
    }

    /** Hands over what is pending on a thread of its own, so the caller does not wait for the rules. */
    public void wake() {
        worker.execute(() -> {
            try {
                relayPending();
            } catch (RuntimeException e) {
                LOG.debugf("Inbox events after a commit wait for the scheduled round: %s", e.getMessage());
            }
        });
    }

    /** Hands every pending inbox event to the pipeline; returns how many. */
    public int relayPending() {
        return Batches.drain(BATCH, this::relayBatch);
    }

    private int relayBatch() throws SQLException, JsonProcessingException {
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection()) {
            List<Long> lines = new ArrayList<>();
            List<Incoming> events = new ArrayList<>();
            try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
                claim.setInt(1, BATCH);
                try (ResultSet row = claim.executeQuery()) {
                    while (row.next()) {
                        lines.add(row.getLong(1));
                        ObjectNode data = (ObjectNode) json.readTree(row.getString(5));
                        data.put("escalationId", row.getString(7));
                        EventEnvelope event = new EventEnvelope(row.getString(2), row.getString(3), row.getString(6),
                                row.getTimestamp(4).toInstant(), SOURCE, row.getString(7), data);
                        events.add(Incoming.valid(event, CHANNEL, asSent(event), now));
                    }
                }
            }
            if (lines.isEmpty()) {
                return 0;
            }
            pipeline.process(events);
            try (PreparedStatement mark = connection.prepareStatement(
                    "UPDATE escalation_history SET event_submitted_at = ? WHERE id = ANY(?)")) {
                mark.setTimestamp(1, Timestamp.from(now));
                mark.setArray(2, connection.createArrayOf("bigint", lines.toArray()));
                mark.executeUpdate();
            }
            return lines.size();
        }
    }

    /** The event as the contract writes it, kept as the message's payload like any other channel's. */
    private String asSent(EventEnvelope event) {
        ObjectNode body = json.createObjectNode();
        body.put("id", event.id());
        body.put("type", event.type());
        body.put("customerId", event.customerId());
        body.put("occurredAt", event.occurredAt().toString());
        body.put("source", event.source());
        body.put("correlationId", event.correlationId());
        body.set("data", event.data());
        return body.toString();
    }

    @PreDestroy
    void close() {
        worker.shutdownNow();
    }
}
