package dev.beckon.rules;

import static dev.beckon.support.Api.unique;
import static org.awaitility.Awaitility.await;

import dev.beckon.catalog.LiveSchemas;
import dev.beckon.platform.notify.ChangeListener;
import dev.beckon.platform.notify.NotifyConfig;
import dev.beckon.support.RuleSets;
import dev.beckon.support.TestNamespace;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Another replica's publish or schema registration reaches this one by its change notice. The
 * polls that would also find them are off here, so whatever is picked up was brought by a notice
 * (or, after a lost connection, by the full sync a reconnect makes).
 */
@QuarkusTest
@TestProfile(ChangesFromAnotherReplicaTest.PollingOff.class)
class ChangesFromAnotherReplicaTest {

    public static class PollingOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("beckon.rules.sync-interval", "off", "beckon.catalog.sync-interval", "off");
        }
    }

    /** A notice takes well under a second; compiling the version here takes the rest. */
    private static final Duration PROMPTLY = Duration.ofSeconds(5);

    @Inject
    RuleSetService ruleSets;
    @Inject
    ActiveRules active;
    @Inject
    LiveSchemas schemas;
    @Inject
    ChangeListener listener;
    @Inject
    NotifyConfig notify;

    @Test
    void aVersionPublishedOnAnotherReplicaIsActivatedHere() {
        int version = draft();

        // What publishing commits, without the swap that publish then makes on its own replica.
        ruleSets.recordPublished(version, "published on another replica", "someone-else");

        await().atMost(PROMPTLY).until(() -> active.version() == version);
    }

    @Test
    void aSchemaRegisteredOnAnotherReplicaIsCheckedHereOnceItCommits() throws SQLException {
        String type = unique("notice") + ".seen";
        try (Connection otherReplica = TestNamespace.database()) {
            otherReplica.setAutoCommit(false);
            try (PreparedStatement insert = otherReplica.prepareStatement("""
                    INSERT INTO event_schemas (type, version, schema, comment, created_by, created_at)
                    VALUES (?, 1, '{"type": "object", "required": ["data"]}', 'elsewhere', 'someone-else', now())
                    """)) {
                insert.setString(1, type);
                insert.executeUpdate();
            }
            notice(otherReplica, "schemas");

            await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(2))
                    .until(() -> schemas.latest(type).isEmpty());
            otherReplica.commit();
        }
        await().atMost(PROMPTLY).until(() -> schemas.latest(type).isPresent());
    }

    @Test
    void aListenerWhoseConnectionIsKilledReconnectsCatchesUpAndHearsNoticesAgain() throws SQLException {
        int missed = draft();
        try (Connection database = TestNamespace.database()) {
            await().atMost(Duration.ofSeconds(10)).until(() -> listeningBackend(database).isPresent());
            int backend = listeningBackend(database).orElseThrow();
            publishWithoutNotice(database, missed);
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> active.version() != missed);

            try (Statement kill = database.createStatement()) {
                kill.execute("SELECT pg_terminate_backend(" + backend + ")");
            }

            // The reconnect syncs in full: the publish no notice announced is taken in.
            await().atMost(Duration.ofSeconds(10)).until(() -> active.version() == missed);
            await().atMost(Duration.ofSeconds(10)).until(() -> listeningBackend(database).filter(pid -> pid != backend).isPresent());
        }

        int next = draft();
        ruleSets.recordPublished(next, "published on another replica", "someone-else");
        await().atMost(PROMPTLY).until(() -> active.version() == next);
    }

    private int draft() {
        return ruleSets.createDraft(RuleSets.starterPack() + "\n// " + unique("variant") + "\n",
                "a variant", "someone-else").version;
    }

    private void notice(Connection connection, String topic) throws SQLException {
        try (PreparedStatement notice = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
            notice.setString(1, notify.channel());
            notice.setString(2, topic);
            notice.execute();
        }
    }

    /** A publish whose notice was lost: the rows as publishing leaves them, and nothing sent. */
    private static void publishWithoutNotice(Connection connection, int version) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement archive = connection.createStatement();
             PreparedStatement publish = connection.prepareStatement(
                     "UPDATE rule_sets SET status = 'published', published_by = 'someone-else', published_at = now() "
                             + "WHERE version = ?")) {
            archive.executeUpdate("UPDATE rule_sets SET status = 'archived' WHERE status = 'published'");
            publish.setInt(1, version);
            publish.executeUpdate();
        }
        connection.commit();
        connection.setAutoCommit(true);
    }

    /** The backend of this replica's listening connection, found by the name it gives itself. */
    private Optional<Integer> listeningBackend(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT pid FROM pg_stat_activity WHERE application_name = ? AND datname = current_database()")) {
            query.setString(1, listener.applicationName());
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(row.getInt(1)) : Optional.empty();
            }
        }
    }
}
