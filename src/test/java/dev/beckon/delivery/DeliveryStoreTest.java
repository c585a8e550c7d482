package dev.beckon.delivery;

import static dev.beckon.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.beckon.support.TestNamespace;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What one dispatch round claims, and how outcomes are written. Each test plans and claims in one transaction that it rolls back,
 * so the running application never sees its deliveries; the targets sort after every other test's,
 * and are due and claimed a month from now.
 */
@QuarkusTest
class DeliveryStoreTest {

    static final Instant THEN = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.MICROS);
    static final Instant LEASE = THEN.plus(Duration.ofMinutes(1));

    @Inject
    DeliveryStore store;
    @Inject
    ObjectMapper json;

    private final String prefix = "zz" + unique("claim").toLowerCase() + "-";
    private Connection connection;

    @BeforeEach
    void begin() throws Exception {
        connection = TestNamespace.database();
        connection.setAutoCommit(false);
    }

    @AfterEach
    void rollBack() throws Exception {
        connection.rollback();
        connection.close();
    }

    @Test
    void eachTargetGetsItsOldestDueUpToItsLimitLessWhatIsStillInFlight() throws Exception {
        plan("a", 10, THEN.minusSeconds(60));
        plan("b", 10, THEN.minusSeconds(60));
        plan("b", 1, THEN.minusSeconds(120));

        List<DeliveryJob> jobs = claim("", Map.of(prefix + "a", 3), 4, 200);

        assertThat(jobs).extracting(DeliveryJob::target).containsOnly(prefix + "a", prefix + "b");
        assertThat(jobs.stream().filter(job -> job.target().equals(prefix + "a"))).hasSize(1);
        List<DeliveryJob> toB = jobs.stream().filter(job -> job.target().equals(prefix + "b")).toList();
        assertThat(toB).hasSize(4);
        assertThat(toB).extracting(DeliveryJob::id).contains(oldest(prefix + "b"));
        assertThat(jobs).extracting(DeliveryJob::attempt).containsOnly(1);
    }

    @Test
    void aRoundStartsAfterTheCursorAndNeverClaimsALeasedDeliveryAgain() throws Exception {
        for (String target : List.of("t1", "t2", "t3", "t4")) {
            plan(target, 1, THEN.minusSeconds(1));
        }

        assertThat(claim(prefix + "t2", Map.of(), 4, 200)).extracting(DeliveryJob::target)
                .containsExactlyInAnyOrder(prefix + "t3", prefix + "t4");
        assertThat(claim("", Map.of(), 4, 100_000)).extracting(DeliveryJob::target)
                .containsExactlyInAnyOrder(prefix + "t1", prefix + "t2");
        assertThat(claim(prefix, Map.of(), 4, 200)).isEmpty();
    }

    @Test
    void aRoundTakesNoMoreThanItsLimitAndNothingNotYetDue() throws Exception {
        plan("x", 5, THEN.minusSeconds(1));
        plan("y", 5, THEN.minusSeconds(1));
        plan("z", 5, THEN.plusSeconds(60));

        assertThat(claim(prefix, Map.of(), 4, 6)).hasSize(6);
        assertThat(claim(prefix, Map.of(), 4, 200)).extracting(DeliveryJob::target)
                .containsOnly(prefix + "x", prefix + "y").hasSize(4);
    }

    @Test
    void outcomesAreWrittenTogetherEachOnlyWhileTheDeliveryIsStillPendingAtTheAttemptItWasSentAs() throws Exception {
        plan("o", 4, THEN.minusSeconds(1));
        List<DeliveryJob> jobs = claim(prefix, Map.of(), 4, 200);
        assertThat(jobs).hasSize(4);
        // The leases run out; another replica claims one of the deliveries, no one claims the other.
        Instant later = LEASE.plusSeconds(1);
        List<DeliveryJob> reclaimed = claimAt(later, later.plusSeconds(60), Map.of(prefix + "o", 3));
        assertThat(reclaimed).hasSize(1);
        DeliveryJob lost = jobs.stream().filter(job -> job.id() == reclaimed.get(0).id()).findFirst().orElseThrow();
        List<DeliveryJob> kept = jobs.stream().filter(job -> job != lost).toList();
        Instant retry = later.plusSeconds(5);

        boolean[] recorded = store.recordOutcomes(connection, List.of(
                new OutcomeRecorder.Outcome(kept.get(0), AttemptResult.ok(THEN, 12, 200), null),
                new OutcomeRecorder.Outcome(lost, AttemptResult.ok(THEN, 9, 204), null),
                new OutcomeRecorder.Outcome(kept.get(1), AttemptResult.failed(THEN, 30, 500, "HTTP 500"), retry),
                new OutcomeRecorder.Outcome(kept.get(2), AttemptResult.ok(THEN, 11, 200), null)), later);

        assertThat(recorded).containsExactly(true, false, true, true);
        assertThat(statusOf(kept.get(0).id())).isEqualTo("delivered");
        assertThat(statusOf(kept.get(1).id())).isEqualTo("pending");
        assertThat(statusOf(kept.get(2).id())).as("late, but no one had claimed it since").isEqualTo("delivered");
        assertThat(statusOf(lost.id())).as("the other replica's attempt decides").isEqualTo("pending");
        assertThat(claimAt(later, later.plusSeconds(60), Map.of())).isEmpty();
    }

    @Test
    void aRenewedLeaseKeepsOtherClaimsOffAndIsNeverRenewedOnceAnotherAttemptHasBegun() throws Exception {
        plan("r", 2, THEN.minusSeconds(1));
        List<DeliveryJob> jobs = claim(prefix, Map.of(), 4, 200);
        Map<Long, Integer> held = Map.of(jobs.get(0).id(), 1, jobs.get(1).id(), 1);
        Instant renewedUntil = LEASE.plusSeconds(60);

        assertThat(store.renewLeases(connection, held, renewedUntil)).containsExactlyInAnyOrderElementsOf(held.keySet());
        assertThat(claimAt(LEASE.plusSeconds(1), LEASE.plusSeconds(61), Map.of())).as("renewed: still ours").isEmpty();

        Instant past = renewedUntil.plusSeconds(1);
        assertThat(claimAt(past, past.plusSeconds(60), Map.of())).hasSize(2).extracting(DeliveryJob::attempt).containsOnly(2);
        assertThat(store.renewLeases(connection, held, past.plusSeconds(120))).as("lost to attempt 2").isEmpty();
    }

    private String statusOf(long id) throws Exception {
        try (PreparedStatement query = connection.prepareStatement("SELECT status FROM deliveries WHERE id = ?")) {
            query.setLong(1, id);
            var row = query.executeQuery();
            row.next();
            return row.getString(1);
        }
    }

    private void plan(String target, int count, Instant due) throws Exception {
        List<PlannedDelivery> planned = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // An outbox id no real message has: these deliveries are planned here, not from the outbox.
            planned.add(new PlannedDelivery(-ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE), UUID.randomUUID(), "offer", PlannedDelivery.WEBHOOK, prefix + target,
                    json.createObjectNode().put("n", i), null, null));
        }
        store.insert(connection, planned, due);
    }

    private List<DeliveryJob> claim(String after, Map<String, Integer> inFlight, int perTarget, int limit) throws Exception {
        List<DeliveryJob> jobs = store.claim(connection, PlannedDelivery.WEBHOOK, after, inFlight, perTarget, limit,
                THEN, LEASE);
        return jobs.stream().filter(job -> job.target().startsWith(prefix)).toList();
    }

    /** A claim by another replica at {@code now}, from this test's targets on. */
    private List<DeliveryJob> claimAt(Instant now, Instant leaseUntil, Map<String, Integer> inFlight) throws Exception {
        List<DeliveryJob> jobs = store.claim(connection, PlannedDelivery.WEBHOOK, prefix, inFlight, 4, 200, now, leaseUntil);
        return jobs.stream().filter(job -> job.target().startsWith(prefix)).toList();
    }

    private long oldest(String target) throws Exception {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT id FROM deliveries WHERE target = ? ORDER BY next_attempt_at, id LIMIT 1")) {
            query.setString(1, target);
            var row = query.executeQuery();
            row.next();
            return row.getLong(1);
        }
    }
}
