package dev.beckon.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class FailuresTest {

    @Test
    void lostConnectionsShutdownsDeadlocksAndAnEmptyPoolAreWorthRetrying() {
        assertThat(Failures.isTransient(wrapped(new SQLException("connection reset", "08006")))).isTrue();
        assertThat(Failures.isTransient(wrapped(new SQLException("terminating connection", "57P01")))).isTrue();
        assertThat(Failures.isTransient(wrapped(new SQLException("deadlock detected", "40P01")))).isTrue();
        assertThat(Failures.isTransient(wrapped(new SQLException("disk full", "53100")))).isTrue();
        assertThat(Failures.isTransient(wrapped(new SQLException("Acquisition timeout while waiting for new connection")))).isTrue();
    }

    @Test
    void badDataAndBugsAreNot() {
        assertThat(Failures.isTransient(wrapped(new SQLException("unsupported Unicode escape", "22P05")))).isFalse();
        assertThat(Failures.isTransient(wrapped(new SQLException("numeric field overflow", "22003")))).isFalse();
        assertThat(Failures.isTransient(wrapped(new SQLException("index row size exceeds maximum", "54000")))).isFalse();
        assertThat(Failures.isTransient(new IllegalStateException("a bug"))).isFalse();
    }

    private static RuntimeException wrapped(SQLException e) {
        return new RuntimeException("transaction failed", new IllegalStateException(e));
    }
}
