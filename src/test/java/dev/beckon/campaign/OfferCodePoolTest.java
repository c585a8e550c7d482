package dev.beckon.campaign;

import static dev.beckon.support.Api.api;
import static org.assertj.core.api.Assertions.assertThat;

import dev.beckon.support.TestNamespace;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Each offer takes one code exactly once, even with several replicas planning at once: here every
 * "replica" is a thread with a JDBC connection of its own, claiming in transactions of its own.
 */
@QuarkusTest
class OfferCodePoolTest {

    static final int CODES = 200;
    static final int CLAIMANTS = 300;
    static final int REPLICAS = 8;

    @Inject
    OfferCodePool pool;

    @Test
    void claimantsRacingForAPoolGetDistinctCodesUntilItIsEmpty() throws Exception {
        String campaign = OfferCodesTest.campaign("pool");
        api().body(Map.of("count", CODES)).post("/api/campaigns/" + campaign + "/codes/generate").then().statusCode(200);

        BlockingQueue<Connection> replicas = new ArrayBlockingQueue<>(REPLICAS);
        for (int i = 0; i < REPLICAS; i++) {
            Connection connection = TestNamespace.database();
            connection.setAutoCommit(false);
            replicas.add(connection);
        }
        ExecutorService threads = Executors.newFixedThreadPool(REPLICAS * 2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Optional<String>>> claims = new ArrayList<>();
        try {
            for (int i = 0; i < CLAIMANTS; i++) {
                String customer = "racer-" + i;
                claims.add(threads.submit(() -> {
                    start.await();
                    Connection replica = replicas.take();
                    try {
                        Optional<String> code = pool.claim(replica, campaign, UUID.randomUUID(), customer, Instant.now());
                        replica.commit();
                        return code;
                    } finally {
                        replicas.add(replica);
                    }
                }));
            }
            start.countDown();
            List<String> handedOut = new ArrayList<>();
            int empties = 0;
            for (Future<Optional<String>> claim : claims) {
                Optional<String> code = claim.get(60, TimeUnit.SECONDS);
                if (code.isPresent()) {
                    handedOut.add(code.get());
                } else {
                    empties++;
                }
            }

            assertThat(handedOut).hasSize(CODES).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(OfferCodesTest.codesOf(campaign));
            assertThat(empties).isEqualTo(CLAIMANTS - CODES);
            assertThat(claimedRows(campaign)).isEqualTo(CODES);
        } finally {
            threads.shutdownNow();
            for (Connection replica : replicas) {
                replica.close();
            }
        }
    }

    @Test
    void aRolledBackClaimGivesItsCodeBackAndALockedCodeIsSkippedNotAwaited() throws Exception {
        String campaign = OfferCodesTest.campaign("pool");
        api().contentType("text/csv").body("ONLY-ONE\n").post("/api/campaigns/" + campaign + "/codes/import")
                .then().statusCode(200);
        try (Connection first = TestNamespace.database(); Connection second = TestNamespace.database()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);

            assertThat(pool.claim(first, campaign, UUID.randomUUID(), "a", Instant.now())).contains("ONLY-ONE");
            // While the first plan is still open, the other replica does not wait for it: the pool looks empty.
            assertThat(pool.claim(second, campaign, UUID.randomUUID(), "b", Instant.now())).isEmpty();
            second.rollback();

            first.rollback();
            assertThat(pool.claim(second, campaign, UUID.randomUUID(), "b", Instant.now())).contains("ONLY-ONE");
            second.commit();
        }
        assertThat(claimedRows(campaign)).isEqualTo(1);
    }

    private static int claimedRows(String campaign) throws SQLException {
        try (Connection db = TestNamespace.database();
             PreparedStatement count = db.prepareStatement(
                     "SELECT count(DISTINCT decision_id) FROM offer_codes WHERE campaign = ? AND decision_id IS NOT NULL")) {
            count.setString(1, campaign);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }
}
