package dev.beckon.ingest;

import dev.beckon.consent.ContactPoints;
import dev.beckon.decision.DecisionBatch;
import dev.beckon.decision.DecisionFactory;
import dev.beckon.decision.DecisionRecord;
import dev.beckon.decision.DecisionStore;
import dev.beckon.delivery.DecisionMessages;
import dev.beckon.delivery.OutboxMessage;
import dev.beckon.delivery.OutboxStore;
import dev.beckon.event.EventEnvelope;
import dev.beckon.event.EventStore;
import dev.beckon.ingest.deadletter.DeadLetterStore;
import dev.beckon.privacy.ErasedCustomers;
import dev.beckon.profile.ProfileState;
import dev.beckon.profile.ProfileStore;
import dev.beckon.rules.ActiveRules;
import dev.beckon.rules.RuleEvaluator;
import dev.beckon.rules.RuleFirings;
import dev.beckon.rules.vocabulary.Draft;
import dev.beckon.segment.SegmentMembership;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * The path every event takes, whichever way it came in: drop it if its id was seen, store it,
 * update the customer's profile, evaluate the published rules, store the decisions and their
 * outbox messages — all for a whole batch in one transaction. Only after this returns may the
 * caller acknowledge the messages.
 *
 * <p>A message that cannot be processed (it does not parse, a rule throws on it, or the database
 * refuses its data) is dead-lettered with the reason, and the rest of the batch goes on. A
 * failure of the database itself rolls everything back and surfaces as
 * {@link IngestUnavailableException}, so the caller offers the same messages again later.
 */
@ApplicationScoped
public class IngestPipeline {

    private static final Logger LOG = Logger.getLogger(IngestPipeline.class);

    @Inject
    AgroalDataSource dataSource;
    @Inject
    EventStore events;
    @Inject
    ProfileStore profiles;
    @Inject
    DecisionStore decisions;
    @Inject
    DecisionFactory decisionFactory;
    @Inject
    DecisionMessages messages;
    @Inject
    OutboxStore outbox;
    @Inject
    ContactPoints contactPoints;
    @Inject
    ErasedCustomers erased;
    @Inject
    DeadLetterStore deadLetters;
    @Inject
    SegmentMembership segments;
    @Inject
    ActiveRules activeRules;
    @Inject
    RuleFirings ruleFirings;
    @Inject
    IngestMetrics metrics;
    @Inject
    Clock clock;
    @Inject
    jakarta.enterprise.event.Event<BatchCommitted> batchCommitted;

    public BatchResult process(List<Incoming> batch) {
        if (batch.isEmpty()) {
            return new BatchResult(List.of());
        }
        if (activeRules.current().isEmpty()) {
            // Accepting events without rules would lose their decisions for good: hold them instead.
            throw new IngestUnavailableException(new IllegalStateException("no rule set is active yet"));
        }
        try {
            return commit(batch);
        } catch (RuntimeException e) {
            if (Failures.isTransient(e)) {
                throw new IngestUnavailableException(e);
            }
            if (batch.size() == 1) {
                return deadLetterAlone(batch.get(0), e);
            }
            return isolate(batch, e);
        }
    }

    /**
     * A batch failed for a reason that looks like its data: process each message on its own to
     * find the one that spoils it. When every message fails alone, the cause is not in the data
     * after all (a schema out of step, say): the batch is held rather than dead-lettered whole.
     */
    private BatchResult isolate(List<Incoming> batch, RuntimeException batchFailure) {
        LOG.warnf("A batch of %d failed (%s); retrying its messages one by one", batch.size(),
                Failures.describe(batchFailure));
        EventOutcome[] outcomes = new EventOutcome[batch.size()];
        Map<Integer, RuntimeException> failed = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            try {
                outcomes[i] = commit(List.of(batch.get(i))).outcomes().get(0);
            } catch (RuntimeException e) {
                if (Failures.isTransient(e)) {
                    throw new IngestUnavailableException(e);
                }
                failed.put(i, e);
            }
        }
        if (failed.size() == batch.size()) {
            throw new IngestUnavailableException(batchFailure);
        }
        failed.forEach((i, e) -> outcomes[i] = deadLetterAlone(batch.get(i), e).outcomes().get(0));
        return new BatchResult(List.of(outcomes));
    }

    private BatchResult commit(List<Incoming> batch) {
        Committed committed = QuarkusTransaction.requiringNew().call(() -> processInTransaction(batch));
        metrics.committed(batch, committed);
        batchCommitted.fire(new BatchCommitted(batch, committed.result().outcomes(), clock.instant()));
        return committed.result();
    }

    /** What a committed batch did, for the metrics. */
    record Committed(BatchResult result, List<DecisionRecord> decisions, List<String> firedRules) {
    }

    private Committed processInTransaction(List<Incoming> batch) throws SQLException {
        Instant now = clock.instant();
        EventOutcome[] outcomes = new EventOutcome[batch.size()];
        try (Connection connection = dataSource.getConnection()) {
            List<Integer> candidates = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < batch.size(); i++) {
                Incoming incoming = batch.get(i);
                if (!incoming.isValid()) {
                    outcomes[i] = deadLetter(connection, incoming, incoming.rejection(), now);
                } else if (!seen.add(incoming.event().id())) {
                    outcomes[i] = EventOutcome.duplicate(incoming.event().id());
                } else {
                    candidates.add(i);
                }
            }
            Set<String> stored = events.insertNew(connection, candidates.stream()
                    .map(i -> new EventStore.Received(batch.get(i).event(), batch.get(i).channel(), batch.get(i).receivedAt()))
                    .toList());
            List<Integer> fresh = new ArrayList<>();
            for (int i : candidates) {
                if (stored.contains(batch.get(i).event().id())) {
                    fresh.add(i);
                } else {
                    outcomes[i] = EventOutcome.duplicate(batch.get(i).event().id());
                }
            }

            List<String> customers = fresh.stream().map(i -> batch.get(i).event().customerId()).distinct().sorted().toList();
            Map<String, ProfileState> byCustomer = profiles.lock(connection, customers);
            // One query for the whole batch: a customer in a segment has a stored profile, so only loaded ones can be.
            segments.memberships(connection, customers)
                    .forEach((customer, names) -> byCustomer.computeIfPresent(customer, (id, state) -> {
                        state.inSegments(names);
                        return state;
                    }));
            // Checked under the customers' locks, which an erasure takes too: either it committed
            // before and its mark is seen here, or it waits for this batch and erases what it wrote.
            Set<String> erasedCustomers = erased.among(connection, customers);
            if (!erasedCustomers.isEmpty()) {
                for (Iterator<Integer> it = fresh.iterator(); it.hasNext(); ) {
                    int i = it.next();
                    EventEnvelope event = batch.get(i).event();
                    if (erasedCustomers.contains(event.customerId())) {
                        events.delete(connection, event.id());
                        outcomes[i] = EventOutcome.erased(event.id());
                        it.remove();
                    }
                }
            }
            DecisionBatch decided = new DecisionBatch(decisions.pendingFollowUps(connection, customers));
            Map<String, ProfileState> touched = new LinkedHashMap<>();
            RuleEvaluator evaluator = activeRules.newEvaluator().orElseThrow();
            List<String> fired = new ArrayList<>();
            List<EventEnvelope> accepted = new ArrayList<>();
            for (int i : fresh) {
                Incoming incoming = batch.get(i);
                EventEnvelope event = incoming.event();
                ProfileState profile = byCustomer.computeIfAbsent(event.customerId(), ProfileState::empty);
                ProfileState before = profile.copy();
                MDC.put("eventId", event.id());
                if (event.correlationId() != null) {
                    MDC.put("correlationId", event.correlationId());
                }
                try {
                    var facts = profile.apply(event);
                    RuleEvaluator.Outcome outcome = evaluator.evaluate(event, facts);
                    List<Draft> drafts = outcome.drafts();
                    fired.addAll(outcome.firedRules());
                    decided.eventArrived(event.customerId(), event.type(), event.id());
                    for (Draft draft : drafts) {
                        decisionFactory.add(decided, event, draft, evaluator.version(), now);
                    }
                    touched.put(event.customerId(), profile);
                    accepted.add(event);
                    outcomes[i] = EventOutcome.accepted(event.id(), drafts.size());
                } catch (RuntimeException e) {
                    byCustomer.put(event.customerId(), before);
                    if (touched.containsKey(event.customerId())) {
                        touched.put(event.customerId(), before);
                    }
                    events.delete(connection, event.id());
                    outcomes[i] = deadLetter(connection, incoming, "Rule evaluation failed: " + Failures.describe(e), now);
                } finally {
                    MDC.remove("eventId");
                    MDC.remove("correlationId");
                }
            }

            profiles.upsert(connection, new ArrayList<>(touched.values()), now);
            contactPoints.recordFrom(connection, accepted, now);
            ruleFirings.add(connection, fired, decided.decisions().stream().map(DecisionRecord::rule).toList(), now);
            decisions.write(connection, decided, now);
            outbox.append(connection, decided.decisions().stream().map(messages::decided)
                    .filter(Objects::nonNull).toList(), now);
            return new Committed(new BatchResult(List.of(outcomes)), decided.decisions(), fired);
        }
    }

    private EventOutcome deadLetter(Connection connection, Incoming incoming, String reason, Instant now)
            throws SQLException {
        long id = deadLetters.record(connection, incoming.messageKey(), incoming.channel(), incoming.payload(), reason, now);
        LOG.warnf("Dead-lettered message %s from %s: %s", incoming.messageKey(), incoming.channel(), reason);
        return EventOutcome.rejected(incoming.event() == null ? null : incoming.event().id(), reason, id);
    }

    /** The database refused this message's data: record it as a dead letter in a transaction of its own. */
    private BatchResult deadLetterAlone(Incoming incoming, RuntimeException failure) {
        String reason = "Could not be stored: " + Failures.describe(failure);
        try {
            EventOutcome outcome = QuarkusTransaction.requiringNew().call(() -> {
                try (Connection connection = dataSource.getConnection()) {
                    return deadLetter(connection, incoming, reason, clock.instant());
                }
            });
            BatchResult result = new BatchResult(List.of(outcome));
            metrics.committed(List.of(incoming), new Committed(result, List.of(), List.of()));
            return result;
        } catch (RuntimeException e) {
            throw new IngestUnavailableException(e);
        }
    }
}
