package dev.beckon.rules.backtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.beckon.audit.AuditLog;
import dev.beckon.decision.DecisionFactory;
import dev.beckon.event.EventEnvelope;
import dev.beckon.platform.FieldError;
import dev.beckon.platform.ProblemException;
import dev.beckon.rules.ActiveRules;
import dev.beckon.rules.CompiledRuleSet;
import dev.beckon.rules.CompiledVersions;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Runs backtests in the background, one at a time: a draft over the stored events of a period,
 * beside the baseline version, sending nothing. Progress is written as it goes so the console can
 * show a bar; a run can be cancelled.
 */
@ApplicationScoped
public class BacktestService {

    private static final Logger LOG = Logger.getLogger(BacktestService.class);
    static final Duration LONGEST_PERIOD = Duration.ofDays(92);
    static final Duration PROGRESS_EVERY = Duration.ofSeconds(1);
    static final int FETCH = 2000;

    private static final String EVENTS = """
            SELECT id, type, customer_id, occurred_at, source, correlation_id, data::text FROM events
            WHERE received_at >= ? AND received_at < ? ORDER BY received_at, id
            """;

    @Inject
    CompiledVersions versions;
    @Inject
    ActiveRules active;
    @Inject
    DecisionFactory factory;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    AuditLog audit;
    @Inject
    ObjectMapper json;
    @Inject
    Clock clock;

    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "beckon-backtest");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<Long, AtomicBoolean> cancellations = new ConcurrentHashMap<>();

    void onStart(@Observes StartupEvent event) {
        QuarkusTransaction.requiringNew().run(() -> Backtest.update(
                "status = ?1, error = ?2, finishedAt = ?3 where status = ?4",
                Backtest.FAILED, "interrupted: Beckon stopped while it ran", clock.instant(), Backtest.RUNNING));
    }

    void onStop(@Observes ShutdownEvent event) {
        cancellations.values().forEach(flag -> flag.set(true));
        runner.shutdownNow();
    }

    /** Starts a backtest of {@code draft} against {@code baseline} (default: the live version) over [from, to). */
    public Backtest start(int draft, Integer baseline, Instant from, Instant to) {
        Instant end = to == null ? clock.instant() : to;
        Instant begin = from == null ? end.minus(Duration.ofDays(7)) : from;
        if (!begin.isBefore(end) || Duration.between(begin, end).compareTo(LONGEST_PERIOD) > 0) {
            throw ProblemException.badRequest("The period is not valid",
                    List.of(new FieldError("from", "must be before to, and the period at most 92 days")));
        }
        int base = baseline == null ? active.version() : baseline;
        CompiledRuleSet draftRules = versions.get(draft);
        CompiledRuleSet baseRules = versions.get(base);
        Backtest backtest = QuarkusTransaction.requiringNew().call(() -> {
            Backtest b = new Backtest();
            b.draftVersion = draft;
            b.baselineVersion = base;
            b.periodFrom = begin;
            b.periodTo = end;
            b.status = Backtest.RUNNING;
            b.createdBy = audit.actor();
            b.createdAt = clock.instant();
            b.persist();
            audit.record("backtest.started", "backtest:" + b.id,
                    Map.of("draft", draft, "baseline", base, "from", begin.toString(), "to", end.toString()));
            return b;
        });
        AtomicBoolean cancelled = new AtomicBoolean();
        cancellations.put(backtest.id, cancelled);
        runner.submit(() -> run(backtest.id, draftRules, baseRules, begin, end, cancelled));
        return backtest;
    }

    public Backtest get(long id) {
        Backtest backtest = QuarkusTransaction.requiringNew().call(() -> Backtest.<Backtest>findById(id));
        if (backtest == null) {
            throw ProblemException.notFound("No backtest " + id);
        }
        return backtest;
    }

    public List<Backtest> recent() {
        return QuarkusTransaction.requiringNew().call(() ->
                Backtest.<Backtest>find("order by createdAt desc, id desc").page(0, 50).list());
    }

    public Backtest cancel(long id) {
        Backtest backtest = get(id);
        AtomicBoolean flag = cancellations.get(id);
        if (!Backtest.RUNNING.equals(backtest.status) || flag == null) {
            throw ProblemException.conflict("Backtest " + id + " is " + backtest.status + ", not running");
        }
        flag.set(true);
        return backtest;
    }

    private void run(long id, CompiledRuleSet draft, CompiledRuleSet baseline, Instant from, Instant to,
                     AtomicBoolean cancelled) {
        try {
            long total = count(from, to);
            progress(id, total, 0);
            BacktestRun run = new BacktestRun(draft, baseline, factory);
            long processed = stream(from, to, run, cancelled, id, total);
            if (cancelled.get()) {
                finish(id, Backtest.CANCELLED, processed, null, null);
                return;
            }
            finish(id, Backtest.DONE, processed, json.valueToTree(run.finish(from, to)), null);
        } catch (RuntimeException | SQLException e) {
            LOG.errorf(e, "Backtest %d failed", id);
            finish(id, Backtest.FAILED, -1, null, e.getMessage());
        } finally {
            cancellations.remove(id);
        }
    }

    private long stream(Instant from, Instant to, BacktestRun run, AtomicBoolean cancelled, long id, long total)
            throws SQLException {
        long processed = 0;
        long nextReport = System.nanoTime() + PROGRESS_EVERY.toNanos();
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false); // PostgreSQL streams rows in chunks only inside a transaction
            try (PreparedStatement query = connection.prepareStatement(EVENTS)) {
                query.setFetchSize(FETCH);
                query.setTimestamp(1, Timestamp.from(from));
                query.setTimestamp(2, Timestamp.from(to));
                try (ResultSet row = query.executeQuery()) {
                    while (row.next() && !cancelled.get()) {
                        run.feed(new EventEnvelope(row.getString(1), row.getString(2), row.getString(3),
                                row.getTimestamp(4).toInstant(), row.getString(5), row.getString(6),
                                (ObjectNode) json.readTree(row.getString(7))));
                        processed++;
                        if (System.nanoTime() > nextReport) {
                            progress(id, total, processed);
                            nextReport = System.nanoTime() + PROGRESS_EVERY.toNanos();
                        }
                    }
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("A stored event does not parse", e);
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        }
        return processed;
    }

    private long count(Instant from, Instant to) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT count(*) FROM events WHERE received_at >= ? AND received_at < ?")) {
            query.setTimestamp(1, Timestamp.from(from));
            query.setTimestamp(2, Timestamp.from(to));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private void progress(long id, long total, long processed) {
        QuarkusTransaction.requiringNew().run(() -> Backtest.update("total = ?1, processed = ?2 where id = ?3", total, processed, id));
    }

    private void finish(long id, String status, long processed, JsonNode result, String error) {
        QuarkusTransaction.requiringNew().run(() -> {
            Backtest b = Backtest.findById(id);
            b.status = status;
            if (processed >= 0) {
                b.processed = processed;
            }
            b.result = result;
            b.error = error;
            b.finishedAt = clock.instant();
        });
    }
}
