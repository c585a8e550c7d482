package dev.beckon.security.secrets;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * At start, brings every stored webhook secret under the current key: values still in clear (stored
 * before secrets were encrypted) and values under a previous key are encrypted again. A value under a
 * key Beckon was not given stops the start, naming the key id: every replica must share the key, and
 * a Beckon that cannot read its secrets would refuse every webhook and sign nothing it could check.
 */
@ApplicationScoped
public class SecretsAtRest {

    private static final Logger LOG = Logger.getLogger(SecretsAtRest.class);
    /** The tables whose {@code secrets} column holds webhook secrets, keyed by {@code name}. */
    static final List<String> TABLES = List.of("webhook_sources", "webhook_endpoints");
    /** Replicas starting together take turns. */
    private static final long LOCK = 7315002;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    SecretBox box;

    void onStart(@Observes @Priority(5) StartupEvent event) {
        int changed = reencrypt(box);
        if (changed > 0) {
            LOG.infof("Encrypted %d stored webhook secret list(s) under key %s", changed, box.currentKeyId());
        }
    }

    /** Writes every secret not under {@code box}'s current key again under it; returns how many rows changed. */
    public int reencrypt(SecretBox box) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement lock = connection.createStatement()) {
                    lock.execute("SELECT pg_advisory_xact_lock(" + LOCK + ")");
                }
                int changed = 0;
                for (String table : TABLES) {
                    changed += reencrypt(connection, table, box);
                }
                return changed;
            }
        });
    }

    private static int reencrypt(Connection connection, String table, SecretBox box) throws SQLException {
        List<Object[]> updates = new ArrayList<>();
        try (Statement select = connection.createStatement();
             ResultSet rows = select.executeQuery("SELECT name, secrets FROM " + table + " FOR UPDATE")) {
            while (rows.next()) {
                String[] stored = (String[]) rows.getArray("secrets").getArray();
                if (Arrays.stream(stored).anyMatch(box::needsReencryption)) {
                    // decrypt throws, naming the key, for a value under a key not given
                    updates.add(new Object[] {rows.getString("name"),
                            Arrays.stream(stored).map(box::decrypt).map(box::encrypt).toArray(String[]::new)});
                }
            }
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + table + " SET secrets = ? WHERE name = ?")) {
            for (Object[] row : updates) {
                Array secrets = connection.createArrayOf("text", (String[]) row[1]);
                update.setArray(1, secrets);
                update.setString(2, (String) row[0]);
                update.addBatch();
            }
            update.executeBatch();
        }
        return updates.size();
    }
}
