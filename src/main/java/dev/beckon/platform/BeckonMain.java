package dev.beckon.platform;

import dev.beckon.platform.embedded.EmbeddedPostgres;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/**
 * Starts Beckon. With no database configured (BECKON_DB_URL unset), it first starts an embedded
 * PostgreSQL whose data stays in {@code BECKON_DATA_DIR} (default {@code ./beckon-data}), so a
 * first run needs nothing installed but Java.
 */
@QuarkusMain
public class BeckonMain {

    private static final Logger LOG = Logger.getLogger(BeckonMain.class);

    public static void main(String... args) throws Exception {
        if (isBlank(System.getenv("BECKON_DB_URL")) && isBlank(System.getProperty("quarkus.datasource.jdbc.url"))) {
            Path home = Path.of(envOr("BECKON_DATA_DIR", "beckon-data")).resolve("postgres");
            int port = Integer.parseInt(envOr("BECKON_EMBEDDED_DB_PORT", "54329"));
            EmbeddedPostgres database = new EmbeddedPostgres(home, port);
            LOG.infof("BECKON_DB_URL is not set: starting the embedded PostgreSQL (data in %s, port %d)",
                    database.dataDirectory(), port);
            database.start();
            Runtime.getRuntime().addShutdownHook(new Thread(database::stop, "embedded-postgres-stop"));
            System.setProperty("quarkus.datasource.jdbc.url", database.jdbcUrl());
            System.setProperty("quarkus.datasource.username", "postgres");
            System.setProperty("quarkus.datasource.password", "");
        }
        Quarkus.run(args);
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return isBlank(value) ? fallback : value;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
