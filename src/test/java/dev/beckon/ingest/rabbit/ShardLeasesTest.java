package dev.beckon.ingest.rabbit;

import static dev.beckon.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.beckon.platform.DirectConnection;
import dev.beckon.support.TestNamespace;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Shard leases, each instance standing for one replica, against the real database: the replicas
 * share the shards out evenly and without overlap, take over a departed replica's shards, and a
 * replica whose session is cut subscribes to everything until it has leases again.
 */
@QuarkusTest
class ShardLeasesTest {

    static final int SHARDS = 6;

    @Inject
    DirectConnection connections;

    @Test
    void threeReplicasTakeTwoShardsEachAndNoShardTwice() {
        String queue = unique("leases");
        try (ShardLeases a = leases(queue); ShardLeases b = leases(queue); ShardLeases c = leases(queue)) {
            List<Set<Integer>> held = settle(a, b, c);

            assertThat(held).allSatisfy(shards -> assertThat(shards).hasSize(2));
            assertThat(union(held)).hasSize(SHARDS);
        }
    }

    @Test
    void theShardsOfAReplicaThatLeavesAreTakenOverByTheOthers() {
        String queue = unique("leases");
        try (ShardLeases a = leases(queue); ShardLeases b = leases(queue)) {
            ShardLeases c = leases(queue);
            settle(a, b, c);
            c.close();

            List<Set<Integer>> held = settle(a, b);

            assertThat(held).allSatisfy(shards -> assertThat(shards).hasSize(3));
            assertThat(union(held)).hasSize(SHARDS);
        }
    }

    @Test
    void aReplicaAloneConsumesEveryShard() {
        try (ShardLeases alone = leases(unique("leases"))) {
            assertThat(alone.rebalance()).hasSize(SHARDS);
        }
    }

    @Test
    void replicasOfTwoBeckonsOnOneDatabaseDoNotShareLeases() {
        try (ShardLeases one = leases(unique("leases")); ShardLeases other = leases(unique("leases"))) {
            assertThat(settle(one, other)).allSatisfy(shards -> assertThat(shards).hasSize(SHARDS));
        }
    }

    @Test
    void aReplicaWhoseSessionIsCutSubscribesToEveryShardThenRejoins() throws Exception {
        String queue = unique("leases");
        try (ShardLeases a = leases(queue); ShardLeases b = leases(queue)) {
            settle(a, b);
            terminateLeaseSessions();

            // The broker's single active consumer keeps each shard with one replica meanwhile.
            assertThat(a.rebalance()).hasSize(SHARDS);
            assertThat(b.rebalance()).hasSize(SHARDS);

            List<Set<Integer>> held = settle(a, b);
            assertThat(held).allSatisfy(shards -> assertThat(shards).hasSize(3));
            assertThat(union(held)).hasSize(SHARDS);
        }
    }

    private ShardLeases leases(String queue) {
        return new ShardLeases(connections, queue, SHARDS);
    }

    /** A few rounds, as the replicas' workers would run them; returns what each holds after the last. */
    private static List<Set<Integer>> settle(ShardLeases... replicas) {
        List<Set<Integer>> held = List.of();
        for (int round = 0; round < 4; round++) {
            held = java.util.Arrays.stream(replicas).map(ShardLeases::rebalance).toList();
        }
        return held;
    }

    private static Set<Integer> union(List<Set<Integer>> held) {
        Set<Integer> all = new HashSet<>();
        held.forEach(all::addAll);
        assertThat(all).isSubsetOf(IntStream.range(0, SHARDS).boxed().toList());
        assertThat(held.stream().mapToInt(Set::size).sum()).as("no shard held twice").isEqualTo(all.size());
        return all;
    }

    private static void terminateLeaseSessions() throws Exception {
        try (Connection db = TestNamespace.database(); Statement statement = db.createStatement()) {
            statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    + "WHERE application_name = 'beckon-shard-leases' AND pid <> pg_backend_pid()");
        }
    }
}
