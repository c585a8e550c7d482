package dev.beckon.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Opens connections to Beckon's database outside the pool, for state that lives as long as a
 * session does (advisory locks held for minutes, LISTEN): a pooled connection would carry it back
 * into the pool, and the pool may close it under the holder. They must reach PostgreSQL itself, or
 * a pooler in session mode: a pooler in transaction mode would break both.
 */
@ApplicationScoped
public class DirectConnections {

    /** A new autocommit connection, named in {@code pg_stat_activity} so operators (and tests) can find it. */
    public Connection open(String applicationName) throws SQLException {
        var config = ConfigProvider.getConfig();
        Properties properties = new Properties();
        properties.setProperty("user", config.getOptionalValue("quarkus.datasource.username", String.class).orElse(""));
        config.getOptionalValue("quarkus.datasource.password", String.class)
                .ifPresent(password -> properties.setProperty("password", password));
        properties.setProperty("ApplicationName", applicationName);
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("socketTimeout", "30");
        properties.setProperty("tcpKeepAlive", "true");
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class), properties);
    }
}
