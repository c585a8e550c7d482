package dev.beckon.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.beckon.support.MovableClock;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

/**
 * Transactions whose database backend is terminated under them: Beckon goes on, and the log says
 * so once, in one line, instead of one ARJUNA016045 warning with a stack trace per transaction.
 */
@QuarkusTest
class ConnectionLossLogTest {

    private static final int LOSSES = 4;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    MovableClock clock;

    @Test
    void lostConnectionsAreLoggedOnceBrieflyWithoutStackTraces() throws SQLException {
        clock.advance(Duration.ofMinutes(2)); // past any warning an earlier test caused
        Captured log = new Captured();
        Logger.getLogger("").addHandler(log);
        try {
            for (int i = 0; i < LOSSES; i++) {
                assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(this::terminateOwnBackend))
                        .as("the transaction fails with its connection").isNotNull();
            }
        } finally {
            Logger.getLogger("").removeHandler(log);
            clock.reset();
        }

        assertThat(log.records.stream().filter(r -> r.getMessage() != null && r.getMessage().startsWith("ARJUNA016045")))
                .as("rollback warnings with stack traces").isEmpty();
        List<LogRecord> brief = log.records.stream().filter(r -> r.getLoggerName().equals(ConnectionLossLog.class.getName())).toList();
        assertThat(brief).singleElement().satisfies(r -> {
            assertThat(r.getThrown()).isNull();
            assertThat(((ExtLogRecord) r).getFormattedMessage()).contains("database connection was lost").doesNotContain("\n");
        });
        try (Connection db = dataSource.getConnection(); Statement statement = db.createStatement()) {
            assertThat(statement.execute("SELECT 1")).as("Beckon has a working connection again").isTrue();
        }
    }

    private void terminateOwnBackend() {
        try (Connection db = dataSource.getConnection(); Statement statement = db.createStatement()) {
            statement.execute("SELECT pg_terminate_backend(pg_backend_pid())");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Captured extends Handler {
        final List<LogRecord> records = new CopyOnWriteArrayList<>();

        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
