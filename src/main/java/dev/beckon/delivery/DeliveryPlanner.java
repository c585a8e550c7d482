package dev.beckon.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.beckon.broker.Broker;
import dev.beckon.consent.ContactPoints;
import dev.beckon.platform.Batches;
import dev.beckon.policy.DecisionPolicy;
import dev.beckon.policy.MarketingMessage;
import dev.beckon.policy.PolicyContext;
import dev.beckon.policy.PolicyContexts;
import dev.beckon.policy.Verdict;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Turns committed decision messages (the outbox) into deliveries, one per channel and target, in
 * one transaction per batch: the deliveries exist exactly when their outbox row is marked planned.
 * Planning happens after the decision's commit, off the ingest path, so neither an endpoint's
 * configuration nor a customer's consent costs ingestion anything. Marketing is judged here by the
 * {@link DecisionPolicy} (campaign state, consent, open escalations, caps, budgets, control group,
 * codes, quiet hours) in the same transaction, so an opt-out that arrived meanwhile is respected,
 * and a verdict, a code taken and the deliveries commit together or not at all.
 */
@ApplicationScoped
public class DeliveryPlanner {

    private static final Logger LOG = Logger.getLogger(DeliveryPlanner.class);
    static final int BATCH = 500;

    private static final String CLAIM = """
            SELECT id, decision_id, routing_key, payload::text, created_at FROM outbox
            WHERE planned_at IS NULL ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED
            """;

    private record Pending(long outboxId, UUID decisionId, String messageType, ObjectNode message, Instant createdAt) {
    }

    @Inject
    AgroalDataSource dataSource;
    @Inject
    DeliveryStore deliveries;
    @Inject
    ContactPoints contactPoints;
    @Inject
    HeldMessages heldMessages;
    @Inject
    PolicyContexts policyContexts;
    @Inject
    DecisionPolicy policy;
    @Inject
    Broker broker;
    @Inject
    EmailConfig email;
    @Inject
    Event<BatchPlanned> batchPlanned;
    @Inject
    ObjectMapper json;
    @Inject
    Clock clock;

    @Scheduled(every = "${beckon.delivery.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void plan() {
        try {
            planPending();
        } catch (RuntimeException e) {
            LOG.warnf("Delivery planning paused: %s", e.getMessage());
        }
    }

    /** Plans everything in the outbox; returns how many messages were planned. */
    public int planPending() {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection connection = dataSource.getConnection()) {
                heldMessages.suppressCalledOff(connection);
            } catch (SQLException e) {
                throw new IllegalStateException("Could not call off held messages", e);
            }
        });
        return Batches.drain(BATCH, this::planBatch);
    }

    private int planBatch() throws SQLException, IOException {
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection()) {
            List<Pending> pending = new ArrayList<>();
            try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
                claim.setInt(1, BATCH);
                try (ResultSet row = claim.executeQuery()) {
                    while (row.next()) {
                        pending.add(new Pending(row.getLong(1), row.getObject(2, UUID.class), row.getString(3),
                                (ObjectNode) json.readTree(row.getString(4)), row.getTimestamp(5).toInstant()));
                    }
                }
            }
            if (pending.isEmpty()) {
                return 0;
            }
            Set<String> customers = new TreeSet<>();
            List<MarketingMessage> marketing = new ArrayList<>();
            for (Pending p : pending) {
                customers.add(p.message().path("customerId").asText());
                marketing(p).ifPresent(marketing::add);
            }
            DeliveryRoutes.Context context = new DeliveryRoutes.Context(
                    broker.isConfigured() ? Optional.of(broker.config().decisionsExchange()) : Optional.empty(),
                    WebhookEndpoint.<WebhookEndpoint>listAll(), email.smtpHost().isPresent(),
                    contactPoints.emails(connection, customers));
            Map<UUID, Verdict> verdicts = new HashMap<>();
            if (!marketing.isEmpty()) {
                PolicyContext policyContext = policyContexts.load(connection, marketing, now);
                for (MarketingMessage m : marketing) {
                    verdicts.put(m.decisionId(), policy.apply(connection, m, policyContext));
                }
                policy.flush(connection, policyContext);
            }
            List<PlannedDelivery> planned = new ArrayList<>();
            for (Pending p : pending) {
                planned.addAll(DeliveryRoutes.plan(p.outboxId(), p.decisionId(), p.messageType(), p.message(), context,
                        verdicts.get(p.decisionId())));
            }
            deliveries.insert(connection, planned, now);
            try (PreparedStatement mark = connection.prepareStatement(
                    "UPDATE outbox SET planned_at = ? WHERE id = ANY(?)")) {
                mark.setTimestamp(1, Timestamp.from(now));
                mark.setArray(2, connection.createArrayOf("bigint", pending.stream().map(Pending::outboxId).toArray()));
                mark.executeUpdate();
            }
            batchPlanned.fire(new BatchPlanned(planned, List.copyOf(verdicts.values())));
            return pending.size();
        }
    }

    /** The message as the policy sees it, when it is marketing meant for the customer. */
    private static Optional<MarketingMessage> marketing(Pending p) {
        ObjectNode message = p.message();
        String kind = message.path("kind").asText();
        if (!DeliveryRoutes.MARKETING.contains(kind)) {
            return Optional.empty();
        }
        String campaign = message.path("campaign").isTextual() ? message.path("campaign").asText() : "unnamed";
        return Optional.of(new MarketingMessage(p.decisionId(), kind, campaign, message.path("customerId").asText(),
                DeliveryRoutes.customerChannel(message), message.path("eventId").asText(), message, p.outboxId(),
                p.createdAt()));
    }
}
