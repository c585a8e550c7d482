package dev.beckon.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.beckon.decision.Decision;
import dev.beckon.decision.Escalation;
import dev.beckon.delivery.DecisionMessages;
import dev.beckon.delivery.OutboxMessage;
import dev.beckon.delivery.OutboxStore;
import dev.beckon.platform.Batches;
import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
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
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Finds escalations whose service level ran out, by the injected clock, and for each, in one
 * transaction: marks it breached, raises its priority one step (urgent stays urgent), writes the
 * history line that becomes the event {@code escalation.sla_breached} for the rules, and puts an
 * {@code escalation.sla_breached} message on {@code beckon.decisions} in the outbox. Rows are claimed
 * FOR UPDATE SKIP LOCKED and a breached one is not claimed again, so replicas report each breach once.
 */
@ApplicationScoped
public class SlaWatch {

    private static final Logger LOG = Logger.getLogger(SlaWatch.class);
    public static final String BREACHED_EVENT = "escalation.sla_breached";
    static final int BATCH = 200;

    /** One cut-off per priority: its service level ran out if it started before now minus that priority's SLA. */
    private static final String CLAIM = """
            SELECT decision_id FROM escalations
            WHERE status <> 'resolved' AND sla_breached_at IS NULL
              AND ((priority = 'urgent' AND sla_started_at <= ?) OR (priority = 'high' AND sla_started_at <= ?)
                OR (priority = 'normal' AND sla_started_at <= ?) OR (priority = 'low' AND sla_started_at <= ?))
            ORDER BY sla_started_at LIMIT ? FOR UPDATE SKIP LOCKED
            """;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    InboxConfig config;
    @Inject
    ServiceLevels serviceLevels;
    @Inject
    EscalationWork work;
    @Inject
    DecisionMessages messages;
    @Inject
    OutboxStore outbox;
    @Inject
    ObjectMapper json;
    @Inject
    Clock clock;

    @Scheduled(every = "${beckon.inbox.sla-check-interval:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            reportBreaches();
        } catch (RuntimeException e) {
            LOG.warnf("SLA watch paused: %s", e.getMessage());
        }
    }

    /** Reports every escalation breached by the clock's now; returns how many. Their events go to the rules after each commit. */
    public int reportBreaches() {
        return Batches.drain(BATCH, this::reportBatch);
    }

    private int reportBatch() throws SQLException {
        Instant now = clock.instant();
        List<UUID> due = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
                int parameter = 1;
                for (Priority priority : Priority.values()) {
                    claim.setTimestamp(parameter++, Timestamp.from(now.minus(config.slaOf(priority))));
                }
                claim.setInt(parameter, BATCH);
                try (ResultSet row = claim.executeQuery()) {
                    while (row.next()) {
                        due.add(row.getObject(1, UUID.class));
                    }
                }
            }
            List<OutboxMessage> published = new ArrayList<>();
            for (UUID id : due) {
                published.add(breach(Escalation.findById(id), now));
            }
            outbox.append(connection, published, now);
        }
        return due.size();
    }

    private OutboxMessage breach(Escalation escalation, Instant now) {
        Priority before = ServiceLevels.priority(escalation);
        ObjectNode sla = json.createObjectNode()
                .put("dueAt", serviceLevels.dueAt(escalation).toString())
                .put("previousPriority", before.name())
                .put("priority", before.raised().name());
        escalation.priority = before.raised().name();
        escalation.slaBreachedAt = now;
        ObjectNode data = sla.deepCopy().put("reason", escalation.reason).put("queue", escalation.queue)
                .put("status", escalation.status).put("assignee", escalation.assignee)
                .put("openedAt", escalation.openedAt.toString());
        EscalationEntry entry = work.record(escalation, "sla_breached", data);
        long times = EscalationEntry.count("escalationId = ?1 and action = 'sla_breached'", escalation.decisionId);
        work.announce(entry, BREACHED_EVENT, BREACHED_EVENT + ":" + escalation.decisionId + ":" + times);
        Decision decision = Decision.findById(escalation.decisionId);
        return messages.slaBreached(decision.toRecord(), sla, now);
    }
}
