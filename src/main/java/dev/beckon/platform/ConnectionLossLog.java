package dev.beckon.platform;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Narayana warns {@code ARJUNA016045}, with a full stack trace, each time it cannot roll back a
 * transaction because the database connection under it has gone (a terminated backend, a restarted
 * server). The transaction is over either way, the pool replaces the connection and Beckon carries
 * on, so a burst of those says nothing a line would not: the first one of a minute becomes one short
 * warning, the rest of that minute are counted into the next. A rollback that fails for another
 * reason is logged as Narayana wrote it.
 */
@Startup
@ApplicationScoped
public class ConnectionLossLog implements Filter {

    /** Narayana's JTA logger, where ARJUNA016045 is written. */
    static final String NARAYANA = "com.arjuna.ats.jta";
    private static final String ROLLBACK_FAILED = "ARJUNA016045";
    private static final Duration QUIET = Duration.ofMinutes(1);
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ConnectionLossLog.class);

    @Inject
    Clock clock;

    private final LogThrottle throttle = new LogThrottle(QUIET);

    @PostConstruct
    void install() {
        Logger.getLogger(NARAYANA).setFilter(this);
    }

    @PreDestroy
    void uninstall() {
        Logger narayana = Logger.getLogger(NARAYANA);
        if (narayana.getFilter() == this) {
            narayana.setFilter(null);
        }
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        String message = record.getMessage();
        SQLException lost = message != null && message.startsWith(ROLLBACK_FAILED) ? connectionLoss(record.getThrown()) : null;
        if (lost == null) {
            return true;
        }
        long before = throttle.letThrough(ROLLBACK_FAILED, clock.instant());
        if (before < 0) {
            return false;
        }
        LOG.warnf("A transaction could not be rolled back because its database connection was lost (%s, SQL state %s);"
                + " the transaction is over and the pool makes a new connection.%s", lost.getMessage(), lost.getSQLState(),
                before == 0 ? "" : " " + before + " more like it since the last such warning were not logged.");
        return false;
    }

    /**
     * The cause that says the connection has gone: SQL state class 08 (connection exception) or 57P
     * (server shutting down, backend terminated).
     */
    static SQLException connectionLoss(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return sql;
            }
        }
        return null;
    }
}
