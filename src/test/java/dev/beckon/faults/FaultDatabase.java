package dev.beckon.faults;

import dev.beckon.platform.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A PostgreSQL server of the suite's own (Beckon's embedded one, from the zonky binaries), so the
 * suite can restart it and terminate backends without touching the machine's shared server. The
 * data folder is kept across a restart, as it is when an operator restarts a server.
 */
final class FaultDatabase implements AutoCloseable {

    /** Nothing but Beckon uses this server, so every client backend except the asking one is Beckon's. */
    private static final String BECKON_BACKENDS = """
            SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'
            """;

    private final EmbeddedPostgres server;
    private boolean running;

    /** A server with empty data: one an earlier run left running is stopped, and its data removed (binaries stay). */
    FaultDatabase(Path home) throws IOException {
        this.server = new EmbeddedPostgres(home, freePort());
        server.stop();
        Folders.delete(server.dataDirectory());
    }

    String jdbcUrl() {
        return server.jdbcUrl();
    }

    FaultDatabase start() throws IOException, InterruptedException {
        server.start();
        running = true;
        return this;
    }

    /** Stops the server (fast shutdown: open transactions are rolled back) and starts it again on the same data. */
    void restart() throws IOException, InterruptedException {
        server.stop();
        running = false;
        start();
    }

    void stop() {
        server.stop();
        running = false;
    }

    /** Terminates every other client backend of the database, which are Beckon's; returns how many. */
    int terminateBackends() throws SQLException {
        try (Connection db = connect(); Statement statement = db.createStatement(); ResultSet row = statement.executeQuery(BECKON_BACKENDS)) {
            row.next();
            return row.getInt(1);
        }
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "postgres", "");
    }

    @Override
    public void close() {
        if (running) {
            stop();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
