package dev.beckon.platform.notify;

import dev.beckon.platform.Backoff;
import dev.beckon.platform.DirectConnection;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Listens for {@link ChangeNotices} on one connection of its own and fires a {@link ChangeNotice}
 * per topic, so a publish on any replica reaches this one as soon as it commits. A lost connection
 * (PostgreSQL restarted, the backend terminated) is opened again with back-off; notices sent
 * meanwhile are gone, so each (re)connect fires every topic once for a full sync. The schedules
 * that poll for the same changes stay, slower, as a safety net behind this.
 */
@ApplicationScoped
public class ChangeListener {

    private static final Logger LOG = Logger.getLogger(ChangeListener.class);
    private static final Pattern CHANNEL = Pattern.compile("[a-z_][a-z0-9_]{0,40}");

    @Inject
    NotifyConfig config;
    @Inject
    DirectConnection connections;
    @Inject
    Event<ChangeNotice> notices;

    private volatile boolean running;
    private volatile Connection connection;
    private Thread worker;

    // After the rule set and the schemas are loaded at start: the first connect syncs them again.
    void onStart(@Observes @Priority(40) StartupEvent event) {
        if (!CHANNEL.matcher(config.channel()).matches()) {
            throw new IllegalStateException("beckon.notify.channel must be lower-case letters, digits and "
                    + "underscores, at most 41 characters: " + config.channel());
        }
        running = true;
        worker = new Thread(this::run, "beckon-change-listener");
        worker.setDaemon(true);
        worker.start();
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        Connection open = connection;
        if (open != null) {
            try {
                open.abort(Runnable::run); // wakes the worker out of its wait at once
            } catch (SQLException e) {
                LOG.debug("The listening connection did not close cleanly", e);
            }
        }
        if (worker != null) {
            worker.join(5_000);
        }
    }

    /** How the listening connection shows in pg_stat_activity, to tell it from the pool's. */
    public String applicationName() {
        return "beckon listener " + config.channel();
    }

    private void run() {
        Backoff backoff = new Backoff(Duration.ofMillis(200), config.maxReconnectDelay());
        try {
            while (running) {
                try (Connection listening = connections.open(applicationName())) {
                    connection = listening;
                    try (Statement listen = listening.createStatement()) {
                        listen.execute("LISTEN " + config.channel());
                    }
                    backoff.reset();
                    LOG.debugf("Listening for change notices on %s", config.channel());
                    deliver(EnumSet.allOf(ChangeTopic.class));
                    receive(listening);
                } catch (SQLException | RuntimeException e) {
                    if (running) {
                        LOG.warnf("Change notices are not being received (%s); reconnecting in %d ms, "
                                + "changes are polled meanwhile", e.getMessage(), backoff.current().toMillis());
                        backoff.pause();
                    }
                } finally {
                    connection = null;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void receive(Connection listening) throws SQLException {
        PGConnection postgres = listening.unwrap(PGConnection.class);
        int wait = Math.toIntExact(config.checkEvery().toMillis());
        while (running) {
            PGNotification[] received = postgres.getNotifications(wait);
            if (received == null || received.length == 0) {
                if (!listening.isValid(Math.max(1, wait / 1000))) {
                    throw new SQLException("the listening connection stopped answering");
                }
                continue;
            }
            Set<ChangeTopic> topics = EnumSet.noneOf(ChangeTopic.class);
            for (PGNotification notice : received) {
                ChangeTopic.of(notice.getParameter()).ifPresentOrElse(topics::add,
                        () -> LOG.debugf("Ignoring a change notice about %s", notice.getParameter()));
            }
            deliver(topics);
        }
    }

    /** Several notices about one topic read at once need one sync. A failing sync is left to the next notice or poll. */
    private void deliver(Set<ChangeTopic> topics) {
        for (ChangeTopic topic : topics) {
            try {
                notices.fire(new ChangeNotice(topic));
            } catch (RuntimeException e) {
                LOG.errorf(e, "Could not take in a change to %s; the next notice or poll tries again", topic.payload());
            }
        }
    }
}
