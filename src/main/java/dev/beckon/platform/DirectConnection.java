package dev.beckon.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Opens a connection of its own to Beckon's database, outside the Agroal pool, for state that
 * lives as long as a session: a connection that LISTENs must stay open and be read between
 * transactions, and advisory locks held for minutes (shard leases) would go back into the pool
 * with a pooled one. It uses the datasource's own settings, so it reaches the embedded database
 * too (BeckonMain sets its URL). It must reach PostgreSQL itself, or a pooler in session mode.
 */
@ApplicationScoped
public class DirectConnection {

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;
    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> user;
    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    /** A new autocommit connection that shows as {@code applicationName} in pg_stat_activity. */
    public Connection open(String applicationName) throws SQLException {
        Properties properties = new Properties();
        user.ifPresent(u -> properties.setProperty("user", u));
        password.ifPresent(p -> properties.setProperty("password", p));
        properties.setProperty("ApplicationName", applicationName);
        properties.setProperty("connectTimeout", "10");
        properties.setProperty("tcpKeepAlive", "true");
        // The driver directly, not DriverManager, which may not see it from Quarkus' class loader.
        Connection connection = new org.postgresql.Driver().connect(url, properties);
        if (connection == null) {
            throw new SQLException("Not a PostgreSQL JDBC URL: " + url);
        }
        return connection;
    }
}
